using Chargebox.Protocol.Messages;
using Chargebox.Station.Profiles;
using static Chargebox.Protocol.Messages.MutabilityEnumType;

namespace Chargebox.Station.DeviceModel.Catalogue;

/// <summary>DisplayMessageCtrlr (Part 2 appendix 3.1.8) for a station whose profile has a <c>display</c> section;
/// a station without one has no DisplayMessageCtrlr at all (as a station without reservations has no
/// ReservationCtrlr).</summary>
internal static class DisplayMessageCatalogue
{
    private const string Component = "DisplayMessageCtrlr";

    public static IReadOnlyList<VariableSpec> For(DisplayProfile display) =>
    [
        Bool("Available", "true", ReadOnly) with { Constant = true },
        Bool("Enabled", "true", ReadWrite),
        // The messages configured now; maxLimit is how many the station can hold (O01: Rejected when full).
        new VariableSpec(Component, "DisplayMessages", null, new(VariableDataType.Integer, MinLimit: 0, MaxLimit: display.MaxMessages), ReadOnly, "0") { Persistent = false },
        Members("SupportedFormats", display.Formats, [.. Enum.GetValues<MessageFormatEnumType>().Select(v => v.ToWireString())]),
        Members("SupportedPriorities", display.Priorities, [.. Enum.GetValues<MessagePriorityEnumType>().Select(v => v.ToWireString())]),
        Members("SupportedStates", display.States, [.. Enum.GetValues<MessageStateEnumType>().Select(v => v.ToWireString())]),
    ];

    private static VariableSpec Bool(string variable, string value, MutabilityEnumType mutability) =>
        new(Component, variable, null, new(VariableDataType.Boolean), mutability, value);

    private static VariableSpec Members(string variable, IReadOnlyList<string> value, IReadOnlyList<string> all) =>
        new(Component, variable, null, new(VariableDataType.MemberList, ValuesList: string.Join(',', all)), ReadOnly, string.Join(',', value)) { Constant = true };
}
