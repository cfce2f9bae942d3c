using Chargebox.Protocol;

namespace Chargebox.Transport.Rpc;

/// <summary>A validated CALL from the CSMS, waiting for the handler.</summary>
internal sealed record InboundCall(string MessageId, OcppAction Action, IOcppRequest Request);
