using Chargebox.Protocol.Messages;

namespace Chargebox.Station.CustomerInformation;

/// <summary>What the station knows about the holder of an idToken, as far as CustomerInformation (N09, N10)
/// may report and clear it. Used on the station's loop.</summary>
internal interface ICustomerRecords
{
    /// <summary>Human-readable lines, one per record held about <paramref name="token"/>; empty when none.</summary>
    IReadOnlyList<string> Describe(IdTokenType token);

    /// <summary>Removes every record held about <paramref name="token"/>.</summary>
    ValueTask ClearAsync(IdTokenType token, CancellationToken cancellationToken);
}
