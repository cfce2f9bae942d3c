namespace Chargebox.Station.Runtime;

/// <summary>How a <see cref="PersistentOutbox{TRequest, TResponse}"/> treats a message that failed (a CALLERROR
/// or no answer): both are read at the moment of the failure, since the device model they come from can change
/// while messages wait (OCPPCommCtrlr.MessageAttempts*, set by the CSMS).</summary>
/// <param name="MaxAttempts">How many failed attempts drop a message.</param>
/// <param name="WaitBeforeRetry">How long to wait, given the failed attempts so far, before the next try; null
/// tries again at once.</param>
internal sealed record OutboxRetryPolicy(Func<int> MaxAttempts, Func<int, TimeSpan>? WaitBeforeRetry = null);
