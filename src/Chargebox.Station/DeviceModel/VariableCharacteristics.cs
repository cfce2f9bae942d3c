using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel;

/// <summary>What values a variable accepts. For numbers <see cref="MinLimit"/> and
/// <see cref="MaxLimit"/> bound the value; for the string types they bound its length (the appendices
/// give BasicAuthPassword 16 to 40 characters this way). <see cref="ValuesList"/> holds the allowed
/// members of an OptionList, SequenceList or MemberList, comma separated.</summary>
internal sealed record VariableCharacteristics(
    VariableDataType DataType,
    string? Unit = null,
    decimal? MinLimit = null,
    decimal? MaxLimit = null,
    string? ValuesList = null,
    bool SupportsMonitoring = false)
{
    public VariableCharacteristicsType ToWire() => new()
    {
        DataType = DataType.ToWire(),
        Unit = Unit,
        // Length limits of the string types are ours, not the CSMS's numeric limits, except maxLimit
        // which the appendices use for the maximum length of a string.
        MinLimit = DataType.IsText() ? null : MinLimit,
        MaxLimit = MaxLimit,
        ValuesList = ValuesList,
        SupportsMonitoring = SupportsMonitoring,
    };
}
