using System.Text.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Profiles;

/// <summary>The result of loading a station profile: the profile when it is valid, otherwise every
/// problem found (the command line prints them and exits with code 2).</summary>
public sealed record ProfileLoadResult(StationProfile? Profile, IReadOnlyList<ProfileProblem> Problems)
{
    public bool IsValid => Profile is not null;
}

/// <summary>Reads and validates station profiles (docs/station-profile.md).</summary>
public static class StationProfileLoader
{
    /// <summary>Connector types the appendices add to ConnectorEnumType (Part 2 appendix 3.2.14).</summary>
    private static readonly string[] ExtraConnectorTypes = ["cGBT", "cChaoJi", "OppCharge"];

    public static async Task<ProfileLoadResult> LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ProfileLoadResult(null, [new ProfileProblem(path, $"cannot read the profile file: {ex.Message}")]);
        }

        return Load(json);
    }

    public static ProfileLoadResult Load(string json)
    {
        StationProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize(json, StationProfileJsonContext.Default.StationProfile);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return new ProfileLoadResult(null, [new ProfileProblem(field, $"not valid profile JSON: {FirstLine(ex.Message)}")]);
        }

        if (profile is null)
        {
            return new ProfileLoadResult(null, [new ProfileProblem("$", "the profile is empty (null)")]);
        }

        var problems = Validate(profile);
        return problems.Count == 0 ? new ProfileLoadResult(profile, []) : new ProfileLoadResult(null, problems);
    }

    /// <summary>Every problem of a profile: identity, layout, and overrides checked against the device
    /// model the profile builds.</summary>
    public static IReadOnlyList<ProfileProblem> Validate(StationProfile profile)
    {
        var problems = new List<ProfileProblem>();
        Require(profile.Vendor, "vendor", 50, problems);
        Require(profile.Model, "model", 20, problems);
        Require(profile.FirmwareVersion, "firmwareVersion", 50, problems);
        if (profile.SerialNumber is { Length: > 25 })
        {
            problems.Add(new ProfileProblem("serialNumber", "at most 25 characters (BootNotification chargingStation.serialNumber)"));
        }

        if (profile.Evses.Count == 0)
        {
            problems.Add(new ProfileProblem("evses", "a station needs at least one EVSE"));
        }

        CheckIds(profile.Evses.Select(e => e.Id).ToList(), "evses", "EVSE", problems);
        for (var i = 0; i < profile.Evses.Count; i++)
        {
            ValidateEvse(profile.Evses[i], $"evses[{i}]", problems);
        }

        profile.LocalAuthList?.Validate("localAuthList", problems);
        profile.Display?.Validate("display", problems);
        if (profile.TariffCost && profile.Display is null)
        {
            problems.Add(new ProfileProblem("tariffCost", "needs a display section (tariff and cost are shown on the display)"));
        }

        if (problems.Count == 0)
        {
            DeviceModelFactory.Build(profile, NoStore.Instance, TimeProvider.System, problems);
        }

        return problems;
    }

    private static void ValidateEvse(EvseProfile evse, string field, List<ProfileProblem> problems)
    {
        if (!evse.IsDc && !string.Equals(evse.CurrentType, "AC", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ProfileProblem($"{field}.currentType", $"unknown current type '{evse.CurrentType}'; use AC or DC"));
        }

        if (!evse.IsDc && evse.Phases is < 1 or > 3)
        {
            problems.Add(new ProfileProblem($"{field}.phases", $"{evse.Phases} phases; an AC EVSE has 1, 2 or 3"));
        }

        if (evse.Voltage <= 0)
        {
            problems.Add(new ProfileProblem($"{field}.voltage", "must be greater than 0"));
        }

        if (evse.MaxCurrent <= 0)
        {
            problems.Add(new ProfileProblem($"{field}.maxCurrent", "must be greater than 0"));
        }

        if (evse.IsDc && evse.MaxPower is null)
        {
            problems.Add(new ProfileProblem($"{field}.maxPower", "a DC EVSE needs maxPower (watts)"));
        }
        else if (evse.MaxPower is <= 0)
        {
            problems.Add(new ProfileProblem($"{field}.maxPower", "must be greater than 0"));
        }

        if (evse.Connectors.Count == 0)
        {
            problems.Add(new ProfileProblem($"{field}.connectors", "an EVSE needs at least one connector"));
        }

        CheckIds(evse.Connectors.Select(c => c.Id).ToList(), $"{field}.connectors", "connector", problems);
        for (var i = 0; i < evse.Connectors.Count; i++)
        {
            var type = evse.Connectors[i].Type;
            if (!ConnectorEnumTypeWire.TryParse(type, out _) && !ExtraConnectorTypes.Contains(type, StringComparer.Ordinal))
            {
                problems.Add(new ProfileProblem($"{field}.connectors[{i}].type", $"unknown connector type '{type}'; use a ConnectorEnumType value such as cType1, cType2, cCCS1, cCCS2, sType2, or cGBT, cChaoJi, OppCharge"));
            }
        }
    }

    /// <summary>OCPP numbers EVSEs and the connectors of an EVSE 1, 2, 3... without gaps (Part 1, 2.2).</summary>
    private static void CheckIds(List<int> ids, string field, string what, List<ProfileProblem> problems)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids.IndexOf(ids[i]) != i)
            {
                problems.Add(new ProfileProblem($"{field}[{i}].id", $"duplicate {what} id {ids[i]}"));
            }
            else if (ids[i] != i + 1)
            {
                problems.Add(new ProfileProblem($"{field}[{i}].id", $"{what} id {ids[i]} is out of sequence; {what} ids run 1, 2, 3... in order, expected {i + 1}"));
            }
        }
    }

    private static void Require(string value, string field, int maxLength, List<ProfileProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new ProfileProblem(field, "is required"));
        }
        else if (value.Length > maxLength)
        {
            problems.Add(new ProfileProblem(field, $"at most {maxLength} characters (BootNotification limit)"));
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    /// <summary>A store that is never written: validation builds a model only to check overrides.</summary>
    private sealed class NoStore : IDeviceModelStore
    {
        public static readonly NoStore Instance = new();

        public ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

        public ValueTask SaveAsync(string key, string value, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
