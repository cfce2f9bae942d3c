using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.DeviceModel.Accessors;

namespace Chargebox.Station.DisplayMessages;

/// <summary>DisplayMessageCtrlr: present only when the station profile has a display (DisplayMessageCatalogue).</summary>
internal sealed class DisplayMessageCtrlr(StationDeviceModel model) : ControllerAccessor(model, "DisplayMessageCtrlr")
{
    public bool Enabled => Boolean("Enabled");

    public bool Supports(MessageFormatEnumType format) => Lists("SupportedFormats", format.ToWireString());

    public bool Supports(MessagePriorityEnumType priority) => Lists("SupportedPriorities", priority.ToWireString());

    public bool Supports(MessageStateEnumType state) => Lists("SupportedStates", state.ToWireString());

    private bool Lists(string variable, string member) => List(variable).Contains(member, StringComparer.Ordinal);
}
