using System.Text.Json.Serialization.Metadata;
using Chargebox.Protocol.Validation;

namespace Chargebox.Protocol;

/// <summary>Who sends the CALL of an action.</summary>
public enum OcppDirection
{
    /// <summary>The Charging Station sends the request (BootNotification, TransactionEvent, ...).</summary>
    ChargingStationToCsms,

    /// <summary>The CSMS sends the request (GetVariables, RequestStartTransaction, ...).</summary>
    CsmsToChargingStation,

    /// <summary>Either side may send it (DataTransfer).</summary>
    Both,
}

/// <summary>Everything the RPC layer needs to know about one OCPP action: its name on the wire, who
/// calls it, and for request and response the CLR type, the source-generated JSON type information and
/// the schema the payload is validated against. One instance per action, made by the generator.</summary>
public sealed class OcppAction
{
    public OcppAction(
        string name,
        OcppDirection direction,
        JsonTypeInfo requestTypeInfo,
        JsonTypeInfo responseTypeInfo,
        SchemaNode requestSchema,
        SchemaNode responseSchema)
    {
        Name = name;
        Direction = direction;
        RequestTypeInfo = requestTypeInfo;
        ResponseTypeInfo = responseTypeInfo;
        RequestSchema = requestSchema;
        ResponseSchema = responseSchema;
    }

    /// <summary>The action as written in a CALL: the message name without "Request" (Part 4, 4.1.6).</summary>
    public string Name { get; }

    public OcppDirection Direction { get; }

    public Type RequestType => RequestTypeInfo.Type;

    public Type ResponseType => ResponseTypeInfo.Type;

    public JsonTypeInfo RequestTypeInfo { get; }

    public JsonTypeInfo ResponseTypeInfo { get; }

    public SchemaNode RequestSchema { get; }

    public SchemaNode ResponseSchema { get; }

    public override string ToString() => Name;
}
