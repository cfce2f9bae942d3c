using System.Globalization;

namespace Chargebox.Host.Fleet;

/// <summary>The identities of a fleet: the prefix and a number 1..N padded to the width of N (CB001..CB100),
/// so they sort in order and every station of one fleet has a distinct one.</summary>
internal static class StationIdentities
{
    public static string For(string prefix, int number, int count)
    {
        var width = Math.Max(count.ToString(CultureInfo.InvariantCulture).Length, 5);
        return prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }

    /// <summary>The card a fleet station's driver presents: the identity itself, cut to the 36 characters of
    /// IdTokenType.idToken, so a CSMS can tell every station's sessions apart.</summary>
    public static string IdTokenFor(string identity) => identity.Length <= 36 ? identity : identity[^36..];
}
