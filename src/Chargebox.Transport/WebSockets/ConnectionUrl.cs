namespace Chargebox.Transport.WebSockets;

/// <summary>Derives the connection URL from the CSMS endpoint and the station identity (Part 4, 4.1.1).</summary>
internal static class ConnectionUrl
{
    /// <summary>Appends '/' and the percent-encoded identity to the endpoint's path; a trailing '/' on the
    /// endpoint is not doubled, and a query string is kept.</summary>
    public static Uri For(Uri csmsUrl, string stationIdentity)
    {
        var withoutQuery = csmsUrl.GetLeftPart(UriPartial.Path);
        var separator = withoutQuery.EndsWith('/') ? "" : "/";
        return new Uri(withoutQuery + separator + Uri.EscapeDataString(stationIdentity) + csmsUrl.Query);
    }
}
