using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel;

/// <summary>The data types of the standardized variables (Part 2 appendices). Besides the wire types of
/// <see cref="DataEnumType"/> the appendices use passwordString (BasicAuthPassword) and identifierString
/// (Identity), which travel as <c>string</c> but restrict the characters.</summary>
internal enum VariableDataType
{
    String,
    Decimal,
    Integer,
    DateTime,
    Boolean,
    OptionList,
    SequenceList,
    MemberList,
    PasswordString,
    IdentifierString,
}

internal static class VariableDataTypeExtensions
{
    public static DataEnumType ToWire(this VariableDataType type) => type switch
    {
        VariableDataType.Decimal => DataEnumType.Decimal,
        VariableDataType.Integer => DataEnumType.Integer,
        VariableDataType.DateTime => DataEnumType.DateTime,
        VariableDataType.Boolean => DataEnumType.Boolean,
        VariableDataType.OptionList => DataEnumType.OptionList,
        VariableDataType.SequenceList => DataEnumType.SequenceList,
        VariableDataType.MemberList => DataEnumType.MemberList,
        _ => DataEnumType.String,
    };

    public static bool IsList(this VariableDataType type) =>
        type is VariableDataType.OptionList or VariableDataType.SequenceList or VariableDataType.MemberList;

    public static bool IsText(this VariableDataType type) =>
        type is VariableDataType.String or VariableDataType.PasswordString or VariableDataType.IdentifierString;
}
