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
    private readonly Func<JsonTypeInfo>? requestTypeInfoFactory;
    private readonly Func<JsonTypeInfo>? responseTypeInfoFactory;
    private readonly Func<SchemaNode>? requestSchemaFactory;
    private readonly Func<SchemaNode>? responseSchemaFactory;

    // Resolved on first use; a race resolves the same instances twice, which is harmless.
    private JsonTypeInfo? requestTypeInfo;
    private JsonTypeInfo? responseTypeInfo;
    private SchemaNode? requestSchema;
    private SchemaNode? responseSchema;

    public OcppAction(
        string name,
        OcppDirection direction,
        JsonTypeInfo requestTypeInfo,
        JsonTypeInfo responseTypeInfo,
        SchemaNode requestSchema,
        SchemaNode responseSchema)
    {
        ArgumentNullException.ThrowIfNull(requestTypeInfo);
        ArgumentNullException.ThrowIfNull(responseTypeInfo);
        Name = name;
        Direction = direction;
        RequestType = requestTypeInfo.Type;
        ResponseType = responseTypeInfo.Type;
        this.requestTypeInfo = requestTypeInfo;
        this.responseTypeInfo = responseTypeInfo;
        this.requestSchema = requestSchema;
        this.responseSchema = responseSchema;
    }

    /// <summary>An action whose JSON type information and schemas are made on first use, so that a
    /// process pays only for the actions it uses (the generated registry has 64).</summary>
    public OcppAction(
        string name,
        OcppDirection direction,
        Type requestType,
        Type responseType,
        Func<JsonTypeInfo> requestTypeInfo,
        Func<JsonTypeInfo> responseTypeInfo,
        Func<SchemaNode> requestSchema,
        Func<SchemaNode> responseSchema)
    {
        Name = name;
        Direction = direction;
        RequestType = requestType;
        ResponseType = responseType;
        requestTypeInfoFactory = requestTypeInfo;
        responseTypeInfoFactory = responseTypeInfo;
        requestSchemaFactory = requestSchema;
        responseSchemaFactory = responseSchema;
    }

    /// <summary>The action as written in a CALL: the message name without "Request" (Part 4, 4.1.6).</summary>
    public string Name { get; }

    public OcppDirection Direction { get; }

    public Type RequestType { get; }

    public Type ResponseType { get; }

    public JsonTypeInfo RequestTypeInfo => requestTypeInfo ??= requestTypeInfoFactory!();

    public JsonTypeInfo ResponseTypeInfo => responseTypeInfo ??= responseTypeInfoFactory!();

    public SchemaNode RequestSchema => requestSchema ??= requestSchemaFactory!();

    public SchemaNode ResponseSchema => responseSchema ??= responseSchemaFactory!();

    public override string ToString() => Name;
}
