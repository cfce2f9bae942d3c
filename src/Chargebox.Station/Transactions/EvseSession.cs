using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Transactions;

/// <summary>What one EVSE knows about the driver and the EV: cable, authorization, EV demand, and the
/// transaction that runs on it, if any.</summary>
internal sealed class EvseSession
{
    public EvseSession(int evseId, int phases, decimal maxCurrentA)
    {
        EvseId = evseId;
        Phases = phases;
        MaxCurrentA = maxCurrentA;
    }

    public int EvseId { get; }

    /// <summary>AC phases wired; 0 for DC.</summary>
    public int Phases { get; }

    public decimal MaxCurrentA { get; }

    public int ConnectorId { get; set; } = 1;

    public bool EvConnected { get; set; }

    public bool EvDemanding { get; set; }

    /// <summary>The token that authorized this session; null when none did (yet).</summary>
    public IdTokenType? IdToken { get; set; }

    public IdTokenType? GroupIdToken { get; set; }

    public bool Authorized { get; set; }

    /// <summary>An authorization this session had was withdrawn (E06/E07, F03, EVConnectionTimeOut).</summary>
    public bool Deauthorized { get; set; }

    /// <summary>Set by RequestStartTransaction; sent in the next TransactionEvent (F01.FR.xx).</summary>
    public int? RemoteStartId { get; set; }

    /// <summary>The reservation the driver used (H03); sent in the next TransactionEvent.</summary>
    public int? ReservationId { get; set; }

    /// <summary>Why the session is ending, when a stop was asked for before the stop point was reached.</summary>
    public ReasonEnumType? StopReason { get; set; }

    public bool RelayClosed { get; set; }

    /// <summary>The EVSE withholds energy although the session goes on: the CSMS found the token invalid
    /// and StopTxOnInvalidId is false (chargingState SuspendedEVSE).</summary>
    public bool EnergySuspended { get; set; }

    public Transaction? Transaction { get; set; }

    /// <summary>The EV was disconnected on its side while the transaction goes on (E10, StopTxOnEVSideDisconnect
    /// false) and the EVCommunicationLost event has gone out: the connector is free again (Available, TC_E_26_CS
    /// step 3) until the EV comes back, and stays so
    /// while the Ended event of a transaction that timed out waiting (TC_E_27_CS) is on its way.</summary>
    public bool AwaitingEvReturn { get; set; }

    /// <summary>The transaction whose Ended event is queued but not yet sent: its connector stays Occupied
    /// until then, so the StatusNotification Available never overtakes the Ended event (TC_E_17_CS order).</summary>
    public string? EndedUnsent { get; set; }

    public ChargingStateEnumType ChargingState =>
        RelayClosed ? (EvDemanding ? ChargingStateEnumType.Charging : ChargingStateEnumType.SuspendedEV)
        : EvConnected && EnergySuspended ? ChargingStateEnumType.SuspendedEVSE
        : EvConnected ? ChargingStateEnumType.EVConnected
        : ChargingStateEnumType.Idle;

    /// <summary>Forgets the driver once a transaction or an authorization ends.</summary>
    public void ClearAuthorization()
    {
        IdToken = null;
        GroupIdToken = null;
        Authorized = false;
        Deauthorized = false;
        EnergySuspended = false;
        RemoteStartId = null;
        ReservationId = null;
        StopReason = null;
    }
}

/// <summary>A transaction (E01): its id, its event sequence and what was last told to the CSMS.</summary>
internal sealed class Transaction
{
    public Transaction(string id, DateTimeOffset startedAt)
    {
        Id = id;
        StartedAt = startedAt;
    }

    public string Id { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>E01.FR.xx: seqNo starts at 0 and increases by one for every event of the transaction.</summary>
    public int NextSeqNo { get; set; }

    public ChargingStateEnumType? ReportedChargingState { get; set; }

    /// <summary>Whether the idToken has been sent in an event yet (E01.FR.xx: sent once, when known).</summary>
    public bool IdTokenReported { get; set; }
}
