using Chargebox.Protocol.Messages;
using static Chargebox.Protocol.Messages.MutabilityEnumType;

namespace Chargebox.Station.DeviceModel.Catalogue;

/// <summary>TariffCostCtrlr (Part 2 appendix 3.1.17) for a station whose profile has <c>tariffCost</c>; a station
/// without it has no TariffCostCtrlr. Available and Enabled come in two instances, Tariff and Cost.</summary>
internal static class TariffCostCatalogue
{
    private const string Component = "TariffCostCtrlr";

    public static IReadOnlyList<VariableSpec> All { get; } =
    [
        Bool("Available", "Tariff", ReadOnly) with { Constant = true },
        Bool("Available", "Cost", ReadOnly) with { Constant = true },
        Bool("Enabled", "Tariff", ReadWrite),
        Bool("Enabled", "Cost", ReadWrite),
        // ISO 4217: three letters.
        new VariableSpec(Component, "Currency", null, new(VariableDataType.String, MaxLimit: 3), ReadWrite, "EUR"),
        new VariableSpec(Component, "TariffFallbackMessage", null, new(VariableDataType.String, MaxLimit: 255), ReadWrite, ""),
        new VariableSpec(Component, "TotalCostFallbackMessage", null, new(VariableDataType.String, MaxLimit: 255), ReadWrite, ""),
    ];

    private static VariableSpec Bool(string variable, string instance, MutabilityEnumType mutability) =>
        new(Component, variable, instance, new(VariableDataType.Boolean), mutability, "true");
}
