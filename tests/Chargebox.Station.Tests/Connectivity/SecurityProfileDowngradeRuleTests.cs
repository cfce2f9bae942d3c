using Chargebox.Protocol.Messages;
using Chargebox.Station.Connectivity;

namespace Chargebox.Station.Tests.Connectivity;

/// <summary>Errata 2025-01 (A00.FR.005, A05.FR.08 to 10, B09.FR.04, B09.FR.31, B09.FR.32): a lower security
/// profile than the one in use only with AllowSecurityProfileDowngrade, and then only 3 to 2.</summary>
public sealed class SecurityProfileDowngradeRuleTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(3, 3)]
    public void Same_or_higher_profile_is_allowed_whatever_the_setting(int target, int active)
    {
        Assert.Null(NetworkProfileRules.Downgrade(target, active, allowDowngrade: false));
        Assert.Null(NetworkProfileRules.Downgrade(target, active, allowDowngrade: true));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    public void A05_FR_10_B09_FR_04_without_AllowSecurityProfileDowngrade_every_downgrade_is_refused(int target, int active)
    {
        Assert.Equal("NoSecurityDowngrade", NetworkProfileRules.Downgrade(target, active, allowDowngrade: false)?.ReasonCode);
    }

    [Fact]
    public void A05_FR_08_B09_FR_31_with_AllowSecurityProfileDowngrade_3_to_2_is_allowed()
    {
        Assert.Null(NetworkProfileRules.Downgrade(2, 3, allowDowngrade: true));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 3)]
    public void A05_FR_09_B09_FR_32_with_AllowSecurityProfileDowngrade_profile_1_is_still_refused(int target, int active)
    {
        var refusal = NetworkProfileRules.Downgrade(target, active, allowDowngrade: true);

        Assert.Equal("NoSecurityDowngrade", refusal?.ReasonCode);
        Assert.Contains("only a downgrade from 3 to 2", refusal?.AdditionalInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void SetNetworkProfile_check_applies_the_setting()
    {
        var profile2 = new NetworkConnectionProfileType
        {
            OcppVersion = OCPPVersionEnumType.OCPP20,
            OcppTransport = OCPPTransportEnumType.JSON,
            OcppCsmsUrl = "wss://csms.example/ocpp",
            MessageTimeout = 30,
            SecurityProfile = 2,
            OcppInterface = OCPPInterfaceEnumType.Wired0,
        };

        Assert.Equal("NoSecurityDowngrade", NetworkProfileRules.Check(2, profile2, activeSlot: 1, activeSecurityProfile: 3)?.ReasonCode);
        Assert.Null(NetworkProfileRules.Check(2, profile2, activeSlot: 1, activeSecurityProfile: 3, allowDowngrade: true));
    }
}
