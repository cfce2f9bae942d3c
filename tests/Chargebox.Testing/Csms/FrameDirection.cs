namespace Chargebox.Testing.Csms;

/// <summary>Which way a recorded frame went.</summary>
public enum FrameDirection
{
    FromStation,
    ToStation,
}

/// <summary>One WebSocket message as the test CSMS saw it; binary messages are recorded as hex text.</summary>
public sealed record RecordedFrame(DateTimeOffset Timestamp, FrameDirection Direction, string Text, bool IsBinary = false);
