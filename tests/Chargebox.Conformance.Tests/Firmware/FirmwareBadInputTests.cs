using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Firmware;

/// <summary>UpdateFirmware requests that cannot succeed, sent while the station charges: each ends in the right
/// response or FirmwareStatusNotification, nothing is installed, and the transaction charges on (AQ-7: the
/// download runs beside it). The security events they raise are checked in the Station unit tests.</summary>
public sealed class FirmwareBadInputTests
{
    [Fact]
    public async Task Missing_file_is_retried_retries_times_then_DownloadFailed_while_charging_goes_on()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var transactionId = await sut.EnergyTransferStartedAsync();
        var retryInterval = TimeSpan.FromSeconds(45);

        // Each wait is watched for before what arms it, so a fast failure cannot slip past the test.
        var retryArmed = sut.Time.NextTimer(retryInterval);
        var request = firmware.Request(201, sut.Time.GetUtcNow(), location: firmware.Location + "_missing");
        var response = await sut.UpdateFirmwareAsync(new UpdateFirmwareRequest { RequestId = 201, Firmware = request.Firmware, Retries = 2, RetryInterval = (int)retryInterval.TotalSeconds });
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 201);

        // Moving the clock makes the transaction send periodic meter values; the CSMS acknowledges them.
        sut.Connection.SetAutoReply("TransactionEvent", (_, _) => new System.Text.Json.Nodes.JsonObject());

        // Two retries, each retryInterval after the failure before it.
        for (var retry = 1; retry <= 2; retry++)
        {
            await retryArmed.WaitAsync(StationUnderTest.Timeout);
            Assert.Equal(retry, firmware.Server.Requests.Count);
            retryArmed = sut.Time.NextTimer(retryInterval);
            sut.Time.Advance(retryInterval);
        }

        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.DownloadFailed, 201);
        Assert.Equal(3, firmware.Server.Requests.Count);
        await AssertStillChargingAsync(sut, transactionId);
    }

    [Fact]
    public async Task Unreachable_server_ends_in_DownloadFailed_while_charging_goes_on()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var transactionId = await sut.EnergyTransferStartedAsync();

        // Port 1 on the loopback: nothing listens there, the connection is refused at once.
        var response = await sut.UpdateFirmwareAsync(firmware.Request(202, sut.Time.GetUtcNow(), location: "http://127.0.0.1:1/firmware.bin"));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 202);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.DownloadFailed, 202);
        await AssertStillChargingAsync(sut, transactionId);
    }

    [Fact]
    public async Task Tampered_image_ends_in_InvalidSignature_while_charging_goes_on()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var transactionId = await sut.EnergyTransferStartedAsync();

        // The signature is over the configured image; the server serves one byte changed.
        var tampered = firmware.Image.ToArray();
        tampered[^2] ^= 0x01;
        var location = firmware.Server.Serve("firmware/tampered.bin", tampered);
        var response = await sut.UpdateFirmwareAsync(firmware.Request(203, sut.Time.GetUtcNow(), location: location.ToString()));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 203);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 203);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.InvalidSignature, 203);
        Assert.Empty(sut.Charger.Firmware.InstalledImages);
        await AssertStillChargingAsync(sut, transactionId);
    }

    [Fact]
    public async Task Expired_signing_certificate_is_InvalidCertificate_while_charging_goes_on()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var transactionId = await sut.EnergyTransferStartedAsync();

        var response = await sut.UpdateFirmwareAsync(firmware.Request(204, sut.Time.GetUtcNow(), signer: firmware.Pki.IssueExpiredSigner()));
        Assert.Equal(UpdateFirmwareStatusEnumType.InvalidCertificate, response.Status);
        Assert.Equal("InvalidCertificate", response.StatusInfo?.ReasonCode);
        Assert.Empty(firmware.Server.Requests);
        await AssertStillChargingAsync(sut, transactionId);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("firmware.bin")]
    [InlineData("http://")]
    public async Task Malformed_location_is_Rejected_while_charging_goes_on(string location)
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var transactionId = await sut.EnergyTransferStartedAsync();

        var response = await sut.UpdateFirmwareAsync(firmware.Request(205, sut.Time.GetUtcNow(), location: location));
        Assert.Equal(UpdateFirmwareStatusEnumType.Rejected, response.Status);
        Assert.Equal("InvalidURL", response.StatusInfo?.ReasonCode);
        await AssertStillChargingAsync(sut, transactionId);

        // Nothing of it is left running: a trigger finds the station Idle.
        var trigger = await sut.Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.FirmwareStatusNotification }, StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Idle, requestId: null);
    }

    private static async Task AssertStillChargingAsync(StationUnderTest sut, string transactionId)
    {
        var status = await sut.Station.GetStatusAsync(CancellationToken.None);
        var evse = Assert.Single(status.Evses);
        Assert.Equal((transactionId, ChargingStateEnumType.Charging), (evse.Transaction?.TransactionId, evse.Transaction?.ChargingState));
        Assert.All(evse.Connectors, c => Assert.Equal(ConnectorStatusEnumType.Occupied, c.Status));
    }
}
