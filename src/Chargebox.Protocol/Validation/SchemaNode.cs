using System.Collections.Frozen;

namespace Chargebox.Protocol.Validation;

/// <summary>The JSON type a schema node demands.</summary>
public enum SchemaKind
{
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,

    /// <summary>Any JSON value: the schema gives no type (DataTransfer's <c>data</c>).</summary>
    Any,
}

/// <summary>The subset of JSON Schema (draft-06) that the OCPP 2.0.1 schemas use, as immutable data:
/// type, properties with required flags, additionalProperties, enum, maxLength, format date-time,
/// minimum / maximum, items, minItems / maxItems. The generator writes one graph of these per message
/// schema; the validator walks a payload against it. Shared definitions are shared node instances.</summary>
public sealed class SchemaNode
{
    // Built on first use; a race builds equal immutable values twice, which is harmless.
    private FrozenDictionary<string, SchemaProperty>? propertiesByName;
    private FrozenSet<string>? enumSet;
    private string[]? enumValues;

    private SchemaNode(SchemaKind kind) => Kind = kind;

    public SchemaKind Kind { get; }

    /// <summary>The definition name this node came from (for example <c>IdTokenType</c>), or null for inline nodes.</summary>
    public string? Definition { get; init; }

    // Object
    public IReadOnlyList<SchemaProperty> Properties { get; private set; } = [];

    /// <summary>The properties by wire name; built on first use, since the validator does not need it.</summary>
    public FrozenDictionary<string, SchemaProperty> PropertiesByName =>
        propertiesByName ??= Properties.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>False when the schema forbids properties it does not list (most OCPP types; CustomDataType allows them).</summary>
    public bool AdditionalProperties { get; init; } = true;

    // String
    public int? MaxLength { get; init; }

    /// <summary>The allowed values of an enumeration, exactly as written on the wire; null when any string
    /// is allowed. Built on first use: the validator compares UTF-8 bytes instead.</summary>
    public FrozenSet<string>? Enum => enumValues is null ? null : enumSet ??= enumValues.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for <c>"format": "date-time"</c> (RFC 3339).</summary>
    public bool IsDateTime { get; init; }

    // Integer and Number
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }

    // Array
    public SchemaNode? Items { get; private set; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }

    /// <summary>Most properties an object node may have: the validator tracks the ones it has seen in
    /// one 64-bit mask, so that checking a payload allocates nothing. OCPP 2.0.1 types have at most 14.</summary>
    public const int MaxProperties = 64;

    /// <summary>The UTF-8 wire name of each property, by position in <see cref="Properties"/>: OCPP objects
    /// have at most 14 properties, so comparing bytes in order beats hashing a transcoded name.</summary>
    internal byte[][] PropertyNamesUtf8 { get; private set; } = [];

    /// <summary>The enumeration values as UTF-8, for the validator; null when any string is allowed.</summary>
    internal byte[][]? EnumUtf8 { get; private init; }

    /// <summary>One bit per required property, by position in <see cref="Properties"/>.</summary>
    internal ulong RequiredMask { get; private set; }

    public static SchemaNode String(int? maxLength = null, IEnumerable<string>? enumValues = null, bool isDateTime = false, string? definition = null)
    {
        var values = enumValues?.ToArray();
        return new(SchemaKind.String)
        {
            MaxLength = maxLength,
            enumValues = values,
            EnumUtf8 = values?.Select(v => System.Text.Encoding.UTF8.GetBytes(v)).ToArray(),
            IsDateTime = isDateTime,
            Definition = definition,
        };
    }

    public static SchemaNode Integer(decimal? minimum = null, decimal? maximum = null) =>
        new(SchemaKind.Integer) { Minimum = minimum, Maximum = maximum };

    public static SchemaNode Number(decimal? minimum = null, decimal? maximum = null) =>
        new(SchemaKind.Number) { Minimum = minimum, Maximum = maximum };

    public static SchemaNode Boolean() => new(SchemaKind.Boolean);

    /// <summary>A node that accepts any JSON value, for a property whose schema has no <c>type</c>.</summary>
    public static SchemaNode Any() => new(SchemaKind.Any);

    public static SchemaNode Array(SchemaNode items, int? minItems = null, int? maxItems = null) =>
        new(SchemaKind.Array) { Items = items, MinItems = minItems, MaxItems = maxItems };

    /// <summary>An object node whose properties are set later with <see cref="Define"/>, so that
    /// definitions can refer to each other in any order.</summary>
    public static SchemaNode Object(string? definition = null, bool additionalProperties = false) =>
        new(SchemaKind.Object) { Definition = definition, AdditionalProperties = additionalProperties };

    /// <summary>Sets the properties of an object node; called once per node by generated code.</summary>
    public SchemaNode Define(params SchemaProperty[] properties)
    {
        if (Kind != SchemaKind.Object)
        {
            throw new InvalidOperationException("Only object nodes have properties.");
        }

        if (Properties.Count != 0)
        {
            throw new InvalidOperationException($"Schema node {Definition} is already defined.");
        }

        if (properties.Length > MaxProperties)
        {
            throw new ArgumentException($"Schema node {Definition} has {properties.Length} properties; at most {MaxProperties} are supported.", nameof(properties));
        }

        var names = new byte[properties.Length][];
        var requiredMask = 0UL;
        for (var i = 0; i < properties.Length; i++)
        {
            if (System.Array.FindIndex(properties, 0, i, p => p.Name == properties[i].Name) >= 0)
            {
                throw new ArgumentException($"Schema node {Definition} lists property {properties[i].Name} twice.", nameof(properties));
            }

            names[i] = System.Text.Encoding.UTF8.GetBytes(properties[i].Name);
            if (properties[i].Required)
            {
                requiredMask |= 1UL << i;
            }
        }

        Properties = properties;
        PropertyNamesUtf8 = names;
        RequiredMask = requiredMask;
        return this;
    }
}

/// <summary>One property of an object node.</summary>
public sealed record SchemaProperty(string Name, SchemaNode Schema, bool Required);
