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

    [Theory]
    [InlineData("""[2,"1","GetLog",{"logType":"DiagnosticsLog","requestId":1,"log":{"remoteLocation":"ftp://loguser:log-secret@logs.example.com/in/"}}]""", "ftp://***@logs.example.com/in/")]
    [InlineData("""[2,"1","UpdateFirmware",{"requestId":1,"firmware":{"location":"https:\/\/fwuser:log-secret@fw.example.com\/fw.bin","retrieveDateTime":"2026-01-01T00:00:00Z"}}]""", "https:\\/\\/***@fw.example.com")]
    public void User_information_of_a_URL_is_masked(string frame, string expected)
    {
        var logged = FrameRedactor.Redact(frame);

        Assert.DoesNotContain("log-secret", logged);
        Assert.DoesNotContain("user", logged);
        Assert.Contains(expected, logged);
    }

    [Fact]
    public void URL_without_user_information_and_an_address_after_a_path_are_kept()
    {
        var line = "upload to https://logs.example.com/in/station@site failed; mail ops@example.com";

        Assert.Equal(line, FrameRedactor.Redact(line));
    }

    [Fact]
    public void PEM_private_key_is_masked_with_real_or_escaped_line_breaks()
    {
        var key = "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIKey0Material\\n-----END EC PRIVATE KEY-----";
        var frame = $$"""[2,"1","DataTransfer",{"vendorId":"x","data":"{{key}}"}]""";
        var line = "key: -----BEGIN PRIVATE KEY-----\nMIIEvKey1Material\n-----END PRIVATE KEY----- done";

        Assert.DoesNotContain("Key0Material", FrameRedactor.Redact(frame));
        Assert.Equal("key: -----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY----- done", FrameRedactor.Redact(line));
    }
}
