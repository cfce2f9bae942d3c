namespace Chargebox.Station.Profiles;

/// <summary>The station's Local Authorization List (functional block D) and its limits. A profile without
/// this section describes a station without the list (the reference station): LocalAuthListCtrlr.Available
/// is false, SendLocalList answers Failed and GetLocalListVersion 0.</summary>
public sealed record LocalAuthListProfile
{
    /// <summary>How many tokens the list can hold: the maxLimit of LocalAuthListCtrlr.Entries.</summary>
    public int Entries { get; set; } = 1000;

    /// <summary>LocalAuthListCtrlr.ItemsPerMessage: the most entries one SendLocalListRequest may carry.</summary>
    public int ItemsPerMessage { get; set; } = 100;

    /// <summary>LocalAuthListCtrlr.BytesPerMessage: the largest SendLocalListRequest payload, in bytes.</summary>
    public int BytesPerMessage { get; set; } = 65536;

    internal void Validate(string field, List<ProfileProblem> problems)
    {
        if (Entries < 1)
        {
            problems.Add(new ProfileProblem($"{field}.entries", "must be at least 1 (the tokens the list can hold)"));
        }

        if (ItemsPerMessage < 1)
        {
            problems.Add(new ProfileProblem($"{field}.itemsPerMessage", "must be at least 1"));
        }

        // A SendLocalListRequest with one entry needs a few hundred bytes; less could never be served.
        if (BytesPerMessage < 256)
        {
            problems.Add(new ProfileProblem($"{field}.bytesPerMessage", "must be at least 256"));
        }
    }
}
