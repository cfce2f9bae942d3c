using Chargebox.Station.DeviceModel;
using Chargebox.Station.DeviceModel.Accessors;

namespace Chargebox.Station.Authorization;

/// <summary>LocalAuthListCtrlr: the Local Authorization List's switches and limits (Part 2 appendix 3.1.10).</summary>
internal sealed class LocalAuthListCtrlr : ControllerAccessor
{
    private readonly StationDeviceModel _model;

    public LocalAuthListCtrlr(StationDeviceModel model)
        : base(model, Name) => _model = model;

    public const string Name = "LocalAuthListCtrlr";

    public static readonly ComponentKey Component = new(Name);

    public static readonly VariableKey EntriesVariable = new("Entries");

    public bool Available => Boolean("Available");

    /// <summary>Whether the station uses (and accepts updates of) its list: available and enabled.</summary>
    public bool InUse => Available && Boolean("Enabled");

    public int ItemsPerMessage => Integer("ItemsPerMessage");

    public int BytesPerMessage => Integer("BytesPerMessage");

    /// <summary>The most tokens the list can hold: the maxLimit of Entries.</summary>
    public int MaxEntries => _model.Find(Component, EntriesVariable)?.Characteristics.MaxLimit is { } max ? (int)max : 0;

    /// <summary>C14.FR.03 switched off: a listed token that is not Accepted is refused without asking the CSMS.
    /// Only a station with the list has the variable.</summary>
    public bool DisablePostAuthorize => Available && Boolean("DisablePostAuthorize");
}
