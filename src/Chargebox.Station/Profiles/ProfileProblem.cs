namespace Chargebox.Station.Profiles;

/// <summary>One thing wrong with a station profile: the JSON path of the field and what to fix.</summary>
/// <param name="Field">The field, e.g. <c>evses[0].connectors[1].type</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ProfileProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
