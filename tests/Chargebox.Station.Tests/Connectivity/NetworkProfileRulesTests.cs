using Chargebox.Protocol.Messages;
using Chargebox.Station.Connectivity;

namespace Chargebox.Station.Tests.Connectivity;

public sealed class NetworkProfileRulesTests
{
    private static NetworkConnectionProfileType Profile(string url = "ws://csms.example/ocpp", int securityProfile = 1) => new()
    {
        OcppVersion = OCPPVersionEnumType.OCPP20,
        OcppTransport = OCPPTransportEnumType.JSON,
        OcppCsmsUrl = url,
        MessageTimeout = 30,
        SecurityProfile = securityProfile,
        OcppInterface = OCPPInterfaceEnumType.Wired0,
    };

    [Fact]
    public void B09_FR_01_a_valid_profile_for_a_free_slot_is_accepted()
    {
        Assert.Null(NetworkProfileRules.Check(2, Profile(), activeSlot: 1, activeSecurityProfile: 1));
        Assert.Null(NetworkProfileRules.Check(9, Profile("wss://csms.example/ocpp", 3), activeSlot: 1, activeSecurityProfile: 2));
    }

    [Theory]
    [InlineData(999)]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    public void B09_FR_02_a_slot_outside_the_supported_range_is_rejected(int slot)
    {
        var refusal = NetworkProfileRules.Check(slot, Profile(), activeSlot: 1, activeSecurityProfile: 1);

        Assert.NotNull(refusal);
        Assert.Contains("configurationSlot", refusal.AdditionalInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void The_slot_in_use_is_not_overwritten()
    {
        var refusal = NetworkProfileRules.Check(1, Profile(), activeSlot: 1, activeSecurityProfile: 1);

        Assert.Contains("in use", refusal?.AdditionalInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void B09_FR_04_a_lower_security_profile_than_the_one_in_use_is_rejected()
    {
        var refusal = NetworkProfileRules.Check(2, Profile("ws://csms.example/ocpp", 1), activeSlot: 1, activeSecurityProfile: 2);

        Assert.Equal("NoSecurityDowngrade", refusal?.ReasonCode);
    }

    [Theory]
    [InlineData(OCPPVersionEnumType.OCPP12)]
    [InlineData(OCPPVersionEnumType.OCPP15)]
    [InlineData(OCPPVersionEnumType.OCPP16)]
    public void Only_OCPP20_is_accepted(OCPPVersionEnumType version)
    {
        var refusal = NetworkProfileRules.Check(2, new NetworkConnectionProfileType
        {
            OcppVersion = version,
            OcppTransport = OCPPTransportEnumType.JSON,
            OcppCsmsUrl = "ws://csms.example/ocpp",
            MessageTimeout = 30,
            SecurityProfile = 1,
            OcppInterface = OCPPInterfaceEnumType.Wired0,
        }, activeSlot: 1, activeSecurityProfile: 1);

        Assert.Contains("ocppVersion", refusal?.AdditionalInfo, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wss://csms.example/ocpp", 1)]
    [InlineData("ws://csms.example/ocpp", 2)]
    [InlineData("ws://csms.example/ocpp", 3)]
    [InlineData("https://csms.example/ocpp", 2)]
    [InlineData("csms.example/ocpp", 1)]
    [InlineData("", 1)]
    public void The_url_scheme_must_match_the_security_profile(string url, int securityProfile)
    {
        var refusal = NetworkProfileRules.Check(2, Profile(url, securityProfile), activeSlot: 1, activeSecurityProfile: 1);

        Assert.Equal("InvalidURL", refusal?.ReasonCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_security_profile_that_does_not_exist_is_rejected(int securityProfile)
    {
        var refusal = NetworkProfileRules.Check(2, Profile("wss://csms.example/ocpp", securityProfile), activeSlot: 1, activeSecurityProfile: 0);

        Assert.Contains("securityProfile", refusal?.AdditionalInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void SOAP_transport_a_VPN_and_a_zero_message_timeout_are_rejected()
    {
        var soap = new NetworkConnectionProfileType
        {
            OcppVersion = OCPPVersionEnumType.OCPP20,
            OcppTransport = OCPPTransportEnumType.SOAP,
            OcppCsmsUrl = "ws://csms.example/ocpp",
            MessageTimeout = 30,
            SecurityProfile = 1,
            OcppInterface = OCPPInterfaceEnumType.Wired0,
        };
        var vpn = new NetworkConnectionProfileType
        {
            OcppVersion = OCPPVersionEnumType.OCPP20,
            OcppTransport = OCPPTransportEnumType.JSON,
            OcppCsmsUrl = "ws://csms.example/ocpp",
            MessageTimeout = 30,
            SecurityProfile = 1,
            OcppInterface = OCPPInterfaceEnumType.Wired0,
            Vpn = new VPNType { Server = "vpn.example", User = "u", Password = "p", Key = "k", Type = VPNEnumType.IPSec },
        };
        var noTimeout = new NetworkConnectionProfileType
        {
            OcppVersion = OCPPVersionEnumType.OCPP20,
            OcppTransport = OCPPTransportEnumType.JSON,
            OcppCsmsUrl = "ws://csms.example/ocpp",
            MessageTimeout = 0,
            SecurityProfile = 1,
            OcppInterface = OCPPInterfaceEnumType.Wired0,
        };

        Assert.Contains("ocppTransport", NetworkProfileRules.Unusable(soap)?.AdditionalInfo, StringComparison.Ordinal);
        Assert.Contains("vpn", NetworkProfileRules.Unusable(vpn)?.AdditionalInfo, StringComparison.Ordinal);
        Assert.Contains("messageTimeout", NetworkProfileRules.Unusable(noTimeout)?.AdditionalInfo, StringComparison.Ordinal);
    }
}
