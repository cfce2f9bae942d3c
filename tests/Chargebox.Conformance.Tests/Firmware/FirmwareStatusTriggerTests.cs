using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Firmware;

/// <summary>F06 TriggerMessage FirmwareStatusNotification (Part 6, TC_F_17 to TC_F_19; C-29.4).</summary>
public sealed class FirmwareStatusTriggerTests
{
    [Fact]
    public async Task TC_F_17_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. With an evse.id, which FirmwareStatusNotification does not concern: Accepted all the same.
        var trigger = await sut.Connection.CallAsync(Trigger(new EVSEType { Id = StationUnderTest.EvseId }), StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);

        // 3-4. Idle: no update in progress.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Idle, requestId: null);
    }

    [Fact]
    public async Task TC_F_18_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. Accepted.
        var trigger = await sut.Connection.CallAsync(Trigger(), StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);

        // 3-4. Idle, without requestId (L01.FR.25).
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Idle, requestId: null);
    }

    [Fact]
    public async Task TC_F_19_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        firmware.Transfer.Hold();
        var started = firmware.Transfer.Started;

        // 1-4. UpdateFirmware without installDateTime (errata 2025-02: with an invalid signature): Accepted, Downloading.
        var request = firmware.Request(119, sut.Time.GetUtcNow(), signature: firmware.Pki.Signer.Sign("other image"u8.ToArray()));
        var response = await sut.UpdateFirmwareAsync(new UpdateFirmwareRequest { RequestId = request.RequestId, Firmware = new FirmwareType
        {
            Location = request.Firmware.Location,
            RetrieveDateTime = request.Firmware.RetrieveDateTime,
            SigningCertificate = request.Firmware.SigningCertificate,
            Signature = request.Firmware.Signature,
        } });
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 119);
        await started.WaitAsync(StationUnderTest.Timeout);

        // 5-8. While downloading: Accepted, then Downloading with the update's requestId (L01.FR.26).
        var trigger = await sut.Connection.CallAsync(Trigger(), StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 119);

        // Clean-up (not judged): the download finishes and the signature is found invalid.
        firmware.Transfer.Release();
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 119);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.InvalidSignature, 119);
    }

    private static TriggerMessageRequest Trigger(EVSEType? evse = null) =>
        new() { RequestedMessage = MessageTriggerEnumType.FirmwareStatusNotification, Evse = evse };
}
