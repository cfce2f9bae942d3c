namespace Chargebox.Transport.Rpc;

/// <summary>Settings of one <see cref="OcppRpcConnection"/>.</summary>
public sealed class OcppRpcOptions
{
    /// <summary>The charging station identity, for log lines only (the CSMS knows it from the connection URL).</summary>
    public string StationId { get; init; } = "";

    /// <summary>How long a CALL waits for its CALLRESULT or CALLERROR: the device-model variable
    /// OCPPCommCtrlr.MessageTimeout. Read when each CALL is sent, so a new value set by the CSMS applies
    /// from the next CALL on.</summary>
    public TimeSpan MessageTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many validated CSMS CALLs may wait for the handler before the receive loop waits too.
    /// The CSMS should have only one outstanding (Part 4, 4.1.1); a few spare places absorb retries.</summary>
    public int InboundQueueCapacity { get; init; } = 8;

    /// <summary>Told of each inbound message that is not valid OCPP (broken frame, unknown or misdirected action,
    /// payload failing its schema, invalid CALLRESULT), with a short description naming the error code and never
    /// the payload, so the station can log the security event InvalidMessages. Called on the receive loop: it
    /// must be quick; an exception it throws is logged and ignored.</summary>
    public Action<string>? InvalidMessageReceived { get; init; }
}
