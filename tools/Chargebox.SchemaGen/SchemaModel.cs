namespace Chargebox.SchemaGen;

/// <summary>The kinds of value the OCPP 2.0.1 schemas use.</summary>
internal enum ValueKind
{
    String,
    DateTime,
    Integer,
    Number,
    Boolean,
    Array,
    Reference,

    /// <summary>No type keyword: any JSON value (DataTransfer <c>data</c>).</summary>
    Any,
}

/// <summary>The type of one property (or of array items), with its constraints.</summary>
internal sealed record ValueModel(
    ValueKind Kind,
    string? Reference = null,
    ValueModel? Items = null,
    int? MaxLength = null,
    decimal? Minimum = null,
    decimal? Maximum = null,
    int? MinItems = null,
    int? MaxItems = null,
    string? DefaultJson = null);

internal sealed record PropertyModel(string WireName, string? Description, bool Required, ValueModel Type);

/// <summary>A named type: an object definition, an enum definition, or the root object of a message.</summary>
internal abstract record Definition(string Name, string? Description)
{
    /// <summary>A canonical text of the structure without descriptions: two same-named definitions from
    /// different schema files must have the same signature.</summary>
    public abstract string Signature { get; }
}

internal sealed record ObjectDefinition(
    string Name,
    string? Description,
    IReadOnlyList<PropertyModel> Properties,
    bool AdditionalProperties) : Definition(Name, Description)
{
    public override string Signature =>
        $"object additional={AdditionalProperties} {{ {string.Join("; ", Properties.Select(p => $"{p.WireName}{(p.Required ? "!" : "?")}: {p.Type}"))} }}";
}

internal sealed record EnumDefinition(string Name, string? Description, IReadOnlyList<string> Values, string? DefaultValue) : Definition(Name, Description)
{
    public override string Signature => $"enum [{string.Join(", ", Values)}] default={DefaultValue}";
}

/// <summary>One schema file: a request or response of an action.</summary>
internal sealed record MessageSchema(string ActionName, bool IsRequest, ObjectDefinition Root)
{
    public string Name => Root.Name;
}

/// <summary>Everything read from the schema folder, definitions merged across files.</summary>
internal sealed record SchemaSet(
    IReadOnlyList<MessageSchema> Messages,
    IReadOnlyDictionary<string, Definition> Definitions);
