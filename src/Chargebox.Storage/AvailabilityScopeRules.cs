using Chargebox.Station.Storage;

namespace Chargebox.Storage;

/// <summary>The scopes both store implementations accept, so they behave alike: a connector only within an
/// EVSE, and no negative ids (the SQLite schema uses -1 for "none").</summary>
internal static class AvailabilityScopeRules
{
    public static void Validate(AvailabilityScope scope)
    {
        if (scope.EvseId is null && scope.ConnectorId is not null)
        {
            throw new ArgumentException($"A connector ({scope.ConnectorId}) needs an EVSE id.", nameof(scope));
        }

        if (scope.EvseId < 0 || scope.ConnectorId < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "EVSE and connector ids are not negative.");
        }
    }
}
