using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Transactions;

/// <summary>E01: TxStartPoint options (Part 6, TC_E_01, TC_E_02, TC_E_09, TC_E_10, TC_E_13, with the 2025-02
/// errata that continue each case to EnergyTransferStarted).</summary>
public sealed class StartPointTests
{
    private static int EvseId => StationUnderTest.EvseId;
    private static int ConnectorId => StationUnderTest.ConnectorId;

    [Fact]
    public async Task TC_E_01_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStartPoint", "PowerPathClosed");

        // Before: Authorized (local); PowerPathClosed is not reached without the EV, so no TransactionEvent.
        var armed = sut.EvConnectionTimerArmed();
        await sut.AuthorizeLocallyAsync();
        await armed;

        // EVConnectedPreSession: Occupied, then Started (PowerPathClosed and Authorized) with the EVSE.
        await sut.EvConnectedPreSessionAsync();
        var started = await sut.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Contains(started.TriggerReason, new[] { TriggerReasonEnumType.CablePluggedIn, TriggerReasonEnumType.ChargingStateChanged });
        Assert.Contains(started.TransactionInfo.ChargingState, new ChargingStateEnumType?[] { ChargingStateEnumType.EVConnected, ChargingStateEnumType.SuspendedEVSE, ChargingStateEnumType.Charging });
        Assert.Equal((EvseId, ConnectorId), (started.Evse?.Id, started.Evse?.ConnectorId));
        Assert.Equal(StationUnderTest.ValidIdToken.IdToken, started.IdToken?.IdToken);

        // EnergyTransferStarted step 9: ChargingStateChanged to Charging.
        await ExpectChargingAsync(sut, started.TransactionInfo.TransactionId);
    }

    [Fact]
    public async Task TC_E_02_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStartPoint", "EnergyTransfer");
        var armed = sut.EvConnectionTimerArmed();
        await sut.AuthorizeLocallyAsync();
        await armed;

        // 1-2. Occupied; 3-4. Started once energy flows: Authorized or ChargingStateChanged, the idToken, the
        // EVSE and connector, Charging.
        await sut.EvConnectedPreSessionAsync();
        var started = await sut.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Contains(started.TriggerReason, new[] { TriggerReasonEnumType.ChargingStateChanged, TriggerReasonEnumType.Authorized });
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.Equal((EvseId, ConnectorId), (started.Evse?.Id, started.Evse?.ConnectorId));
        Assert.Equal(ChargingStateEnumType.Charging, started.TransactionInfo.ChargingState);
    }

    [Fact]
    public async Task TC_E_09_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStartPoint", "EVConnected");

        // 1-2. Occupied; 3-4. Started on the cable alone: CablePluggedIn, EVSE and connector, EVConnected.
        await sut.EvConnectedPreSessionAsync();
        var started = await sut.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Contains(started.TriggerReason, new[] { TriggerReasonEnumType.CablePluggedIn, TriggerReasonEnumType.ChargingStateChanged });
        Assert.Equal((EvseId, ConnectorId), (started.Evse?.Id, started.Evse?.ConnectorId));
        Assert.Equal(ChargingStateEnumType.EVConnected, started.TransactionInfo.ChargingState);
        var transactionId = started.TransactionInfo.TransactionId;

        // Errata 2025-02: Authorized (local) then EnergyTransferStarted, in the same transaction.
        await sut.AuthorizeLocallyAsync();
        var authorized = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.Authorized);
        Assert.Equal(StationUnderTest.ValidIdToken.IdToken, authorized.IdToken?.IdToken);
        if (authorized.TransactionInfo.ChargingState != ChargingStateEnumType.Charging)
        {
            await ExpectChargingAsync(sut, transactionId);
        }
    }

    [Fact]
    public async Task TC_E_10_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStartPoint", "Authorized");

        // 1-2. AuthorizeRequest with the configured idToken, Accepted; 3-4. Started, Authorized, the idToken.
        await sut.AuthorizeLocallyAsync();
        var started = await sut.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(TriggerReasonEnumType.Authorized, started.TriggerReason);
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));

        // Errata 2025-02: EVConnectedPreSession (Occupied, then an Updated CablePluggedIn) and EnergyTransferStarted.
        await ExpectPlugInDuringTransactionAsync(sut, started.TransactionInfo.TransactionId);
    }

    [Fact]
    public async Task TC_E_13_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStartPoint", "Authorized");

        // 1-2. RequestStartTransaction Accepted; 3-4 only with AuthorizeRemoteStart (false on the reference
        // station); 5-6. Started, RemoteStart, the idToken and the remoteStartId.
        await sut.RemoteStartAsync(remoteStartId: 13);
        var started = await sut.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(TriggerReasonEnumType.RemoteStart, started.TriggerReason);
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.Equal(13, started.TransactionInfo.RemoteStartId);

        await ExpectPlugInDuringTransactionAsync(sut, started.TransactionInfo.TransactionId);
    }

    /// <summary>EnergyTransferStarted, Part 1 then Part 2, while the transaction already runs: Occupied,
    /// Updated CablePluggedIn (EVConnected), then ChargingStateChanged to Charging.</summary>
    internal static async Task ExpectPlugInDuringTransactionAsync(StationUnderTest sut, string transactionId)
    {
        await sut.EvConnectedPreSessionAsync();
        var plugged = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.CablePluggedIn);
        Assert.Equal(TransactionEventEnumType.Updated, plugged.EventType);
        Assert.Equal(ChargingStateEnumType.EVConnected, plugged.TransactionInfo.ChargingState);
        Assert.Equal((EvseId, ConnectorId), (plugged.Evse?.Id ?? EvseId, plugged.Evse?.ConnectorId ?? ConnectorId));
        await ExpectChargingAsync(sut, transactionId);
    }

    /// <summary>EnergyTransferStarted step 9: Updated, ChargingStateChanged, Charging.</summary>
    internal static async Task ExpectChargingAsync(StationUnderTest sut, string transactionId)
    {
        var charging = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.ChargingStateChanged);
        Assert.Equal(TransactionEventEnumType.Updated, charging.EventType);
        Assert.Equal(ChargingStateEnumType.Charging, charging.TransactionInfo.ChargingState);
    }
}
