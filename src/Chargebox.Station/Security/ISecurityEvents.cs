namespace Chargebox.Station.Security;

/// <summary>Where every block reports a security event (A04): each one is written to the security log and,
/// when critical, queued for the CSMS as a SecurityEventNotification (delivered after reconnect when
/// offline). Called on the station's loop; returns at once.</summary>
internal interface ISecurityEvents
{
    /// <param name="type">One of <see cref="SecurityEventType"/>'s names (or a vendor's own, for events the
    /// appendix does not cover).</param>
    /// <param name="techInfo">Free text for the CSMS (at most 255 characters are sent).</param>
    void Raise(string type, string? techInfo = null);
}
