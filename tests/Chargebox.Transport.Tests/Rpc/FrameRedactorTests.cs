using Chargebox.Transport.Rpc;

namespace Chargebox.Transport.Tests.Rpc;

/// <summary>Secrets never reach a log line: the frame logger masks them first.</summary>
public sealed class FrameRedactorTests
{
    [Fact]
    public void BasicAuthPassword_set_with_SetVariables_is_masked()
    {
        var frame = """[2,"1","SetVariables",{"setVariableData":[{"attributeValue":"Secret\"Pass-1234567","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}]""";

        var logged = FrameRedactor.Redact(frame);

        Assert.DoesNotContain("Secret", logged);
        Assert.Contains("\"attributeValue\":\"***\"", logged);
        Assert.Contains("BasicAuthPassword", logged);
    }

    [Fact]
    public void Other_SetVariables_values_are_kept()
    {
        var frame = """[2,"1","SetVariables",{"setVariableData":[{"attributeValue":"300","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}]""";

        Assert.Equal(frame, FrameRedactor.Redact(frame));
    }

    [Fact]
    public void APN_and_VPN_secrets_of_SetNetworkProfile_are_masked()
    {
        var frame = """[2,"1","SetNetworkProfile",{"configurationSlot":1,"connectionData":{"apn":{"apn":"internet","apnPassword":"apn-secret","apnAuthentication":"AUTO"},"vpn":{"server":"vpn","user":"u","password":"vpn-secret","key":"vpn-key","type":"IPSec"}}}]""";

        var logged = FrameRedactor.Redact(frame);

        Assert.DoesNotContain("apn-secret", logged);
        Assert.DoesNotContain("vpn-secret", logged);
        Assert.DoesNotContain("vpn-key", logged);
        Assert.Contains("\"apn\":\"internet\"", logged);
    }
}
