using Chargebox.Station.DeviceModel;
using Chargebox.Station.DeviceModel.Accessors;

namespace Chargebox.Station.TariffCost;

/// <summary>TariffCostCtrlr: present only when the station profile has <c>tariffCost</c> (TariffCostCatalogue).</summary>
internal sealed class TariffCostCtrlr(StationDeviceModel model) : ControllerAccessor(model, "TariffCostCtrlr")
{
    public bool TariffEnabled => Text("Enabled", "Tariff") == "true";

    public bool CostEnabled => Text("Enabled", "Cost") == "true";

    public string Currency => Text("Currency");

    public string TariffFallbackMessage => Text("TariffFallbackMessage");

    public string TotalCostFallbackMessage => Text("TotalCostFallbackMessage");
}
