using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Profiles;

/// <summary>The station's display for messages set by the CSMS (functional block O, "Advanced User Interface").
/// A profile without this section describes a station without such a display (the reference station): no
/// DisplayMessageCtrlr, and SetDisplayMessage, GetDisplayMessages and ClearDisplayMessage are answered with
/// CALLERROR NotSupported.</summary>
public sealed record DisplayProfile
{
    /// <summary>How many messages the station can hold: the maxLimit of DisplayMessageCtrlr.DisplayMessages.</summary>
    public int MaxMessages { get; set; } = 10;

    /// <summary>DisplayMessageCtrlr.SupportedFormats: MessageFormatEnumType wire strings.</summary>
    public IReadOnlyList<string> Formats { get; set; } = ["ASCII", "UTF8"];

    /// <summary>DisplayMessageCtrlr.SupportedPriorities: MessagePriorityEnumType wire strings.</summary>
    public IReadOnlyList<string> Priorities { get; set; } = ["AlwaysFront", "InFront", "NormalCycle"];

    /// <summary>DisplayMessageCtrlr.SupportedStates: MessageStateEnumType wire strings.</summary>
    public IReadOnlyList<string> States { get; set; } = ["Charging", "Faulted", "Idle", "Unavailable"];

    internal void Validate(string field, List<ProfileProblem> problems)
    {
        if (MaxMessages < 1)
        {
            problems.Add(new ProfileProblem($"{field}.maxMessages", "must be at least 1 (the messages the display can hold)"));
        }

        Check(Formats, $"{field}.formats", static s => MessageFormatEnumTypeWire.TryParse(s, out _), "a MessageFormatEnumType value (ASCII, HTML, URI, UTF8)", problems);
        Check(Priorities, $"{field}.priorities", static s => MessagePriorityEnumTypeWire.TryParse(s, out _), "a MessagePriorityEnumType value (AlwaysFront, InFront, NormalCycle)", problems);
        Check(States, $"{field}.states", static s => MessageStateEnumTypeWire.TryParse(s, out _), "a MessageStateEnumType value (Charging, Faulted, Idle, Unavailable)", problems);
    }

    private static void Check(IReadOnlyList<string> values, string field, Func<string, bool> known, string expected, List<ProfileProblem> problems)
    {
        if (values.Count == 0)
        {
            problems.Add(new ProfileProblem(field, "needs at least one value"));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!known(values[i]))
            {
                problems.Add(new ProfileProblem($"{field}[{i}]", $"unknown value '{values[i]}'; use {expected}"));
            }
            else if (values.Take(i).Contains(values[i], StringComparer.Ordinal))
            {
                problems.Add(new ProfileProblem($"{field}[{i}]", $"'{values[i]}' is listed twice"));
            }
        }
    }
}
