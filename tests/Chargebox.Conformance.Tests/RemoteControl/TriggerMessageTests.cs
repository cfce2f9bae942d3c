using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;

namespace Chargebox.Conformance.Tests.RemoteControl;

/// <summary>F06: TriggerMessage (Part 6, TC_F_11 to TC_F_14, TC_F_20, TC_F_23, TC_F_24, TC_F_26, TC_F_27; the log
/// and firmware status triggers belong to their blocks).</summary>
public sealed class TriggerMessageTests
{
    [Fact]
    public async Task TC_F_11_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. MeterValues for the configured EVSE: Accepted; 3-4. MeterValuesRequest for it, context Trigger.
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, await TriggerAsync(sut, MessageTriggerEnumType.MeterValues, new EVSEType { Id = StationUnderTest.EvseId }));
        var meterValues = await ExpectMeterValuesAsync(sut);
        Assert.Equal(StationUnderTest.EvseId, meterValues.EvseId);
    }

    [Fact]
    public async Task TC_F_12_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. MeterValues without an EVSE: Accepted; 3-4. one MeterValuesRequest per EVSE, context Trigger.
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, await TriggerAsync(sut, MessageTriggerEnumType.MeterValues));
        var evses = new HashSet<int>();
        foreach (var _ in StationUnderTest.ReferenceHardware.Evses)
        {
            evses.Add((await ExpectMeterValuesAsync(sut)).EvseId);
        }

        Assert.Equal(StationUnderTest.ReferenceHardware.Evses.Select(e => e.Id).ToHashSet(), evses);
    }

    [Fact]
    public async Task TC_F_13_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. TransactionEvent for the configured EVSE: Accepted; 3-4. Trigger, Charging, a Trigger sample.
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, await TriggerAsync(sut, MessageTriggerEnumType.TransactionEvent, new EVSEType { Id = StationUnderTest.EvseId }));
        var triggered = await ExpectTriggeredAsync(sut, transactionId);
        Assert.True(triggered.Evse is null || triggered.Evse.Id == StationUnderTest.EvseId);
    }

    [Fact]
    public async Task TC_F_14_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. TransactionEvent for all EVSEs: Accepted; 3-4. one per EVSE with the EVSE id.
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, await TriggerAsync(sut, MessageTriggerEnumType.TransactionEvent));
        var triggered = await ExpectTriggeredAsync(sut, transactionId);
        Assert.Equal(StationUnderTest.EvseId, triggered.Evse?.Id);
    }

    [Fact]
    public async Task TC_F_20_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. Heartbeat: Accepted; 3-4. a HeartbeatRequest follows (answered by the CSMS's auto-reply).
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, await TriggerAsync(sut, MessageTriggerEnumType.Heartbeat));
        await sut.Connection.ExpectFrameAsync(f => f.Text.StartsWith("[2,", StringComparison.Ordinal) && f.Text.Contains("\"Heartbeat\"", StringComparison.Ordinal), StationUnderTest.Timeout);
    }

    [Fact]
    public async Task TC_F_23_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await ExpectTriggeredStatusAsync(sut, ConnectorStatusEnumType.Available);
    }

    [Fact]
    public async Task TC_F_24_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.EvConnectedPreSessionAsync();
        await ExpectTriggeredStatusAsync(sut, ConnectorStatusEnumType.Occupied);
    }

    [Fact]
    public async Task TC_F_26_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. BootNotification once Accepted: Rejected (F06.FR.17).
        Assert.Equal(TriggerMessageStatusEnumType.Rejected, await TriggerAsync(sut, MessageTriggerEnumType.BootNotification));
    }

    [Fact]
    public async Task TC_F_27_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. SignCombinedCertificate (ISO 15118, not supported): NotImplemented.
        Assert.Equal(TriggerMessageStatusEnumType.NotImplemented, await TriggerAsync(sut, MessageTriggerEnumType.SignCombinedCertificate));
    }

    private static async Task<TriggerMessageStatusEnumType> TriggerAsync(StationUnderTest sut, MessageTriggerEnumType message, EVSEType? evse = null) =>
        (await sut.Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = message, Evse = evse }, StationUnderTest.Timeout)).Status;

    private static async Task<MeterValuesRequest> ExpectMeterValuesAsync(StationUnderTest sut)
    {
        var call = await sut.Connection.ExpectCallAsync<MeterValuesRequest>(StationUnderTest.Timeout);
        await sut.Connection.ReplyAsync(call, new MeterValuesResponse());
        Assert.Equal(ReadingContextEnumType.Trigger, call.Request.MeterValue[0].SampledValue[0].Context);
        return call.Request;
    }

    private static async Task<TransactionEventRequest> ExpectTriggeredAsync(StationUnderTest sut, string transactionId)
    {
        var triggered = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.Trigger);
        Assert.Equal(ChargingStateEnumType.Charging, triggered.TransactionInfo.ChargingState);
        var meterValue = Assert.Single(triggered.MeterValue ?? []);
        Assert.Equal(ReadingContextEnumType.Trigger, meterValue.SampledValue[0].Context);
        return triggered;
    }

    /// <summary>TC_F_23/24: StatusNotification for the configured connector: Accepted, then its status.</summary>
    private static async Task ExpectTriggeredStatusAsync(StationUnderTest sut, ConnectorStatusEnumType expected)
    {
        var evse = new EVSEType { Id = StationUnderTest.EvseId, ConnectorId = StationUnderTest.ConnectorId };
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, await TriggerAsync(sut, MessageTriggerEnumType.StatusNotification, evse));
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((StationUnderTest.EvseId, StationUnderTest.ConnectorId, expected), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
    }
}
