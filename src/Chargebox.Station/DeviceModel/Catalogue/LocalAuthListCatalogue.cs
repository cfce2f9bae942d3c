using Chargebox.Protocol.Messages;
using Chargebox.Station.Profiles;
using static Chargebox.Protocol.Messages.MutabilityEnumType;

namespace Chargebox.Station.DeviceModel.Catalogue;

/// <summary>LocalAuthListCtrlr (Part 2 appendix 3.1.10) as the station profile describes it: without a
/// <c>localAuthList</c> section the station has no list (Available and Enabled false, neither writable);
/// with one, the list is available, enabled by default and the CSMS may switch it off.</summary>
internal static class LocalAuthListCatalogue
{
    private const string Component = "LocalAuthListCtrlr";

    public static IReadOnlyList<VariableSpec> For(LocalAuthListProfile? list) => list is null
        ?
        [
            Bool("Available", "false", ReadOnly),
            Bool("Enabled", "false", ReadOnly),
            Int("Entries", "0", 0, 1000) with { Persistent = false },
            Int("ItemsPerMessage", "100") with { Constant = true },
            Int("BytesPerMessage", "1048576") with { Constant = true },
        ]
        :
        [
            Bool("Available", "true", ReadOnly) with { Constant = true },
            Bool("Enabled", "true", ReadWrite),
            // Entries is the count now; its maxLimit how many the list can hold (D01.FR.12).
            Int("Entries", "0", 0, list.Entries) with { Persistent = false },
            Int("ItemsPerMessage", Text(list.ItemsPerMessage)) with { Constant = true },
            Int("BytesPerMessage", Text(list.BytesPerMessage)) with { Constant = true },
            // C14.FR.03 is switched off by this: a listed token that is not Accepted is refused without asking the CSMS.
            Bool("DisablePostAuthorize", "false", ReadWrite),
        ];

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static VariableSpec Int(string variable, string value, decimal? min = null, decimal? max = null) =>
        new(Component, variable, null, new(VariableDataType.Integer, MinLimit: min, MaxLimit: max), ReadOnly, value);

    private static VariableSpec Bool(string variable, string value, MutabilityEnumType mutability) =>
        new(Component, variable, null, new(VariableDataType.Boolean), mutability, value);
}
