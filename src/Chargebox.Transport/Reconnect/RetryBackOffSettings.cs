namespace Chargebox.Transport.Reconnect;

/// <summary>The three OCPPCommCtrlr variables that shape reconnecting (Part 4, 8.1 to 8.3).</summary>
/// <param name="RetryBackOffWaitMinimum">Back-off before the first reconnection attempt, without randomness.</param>
/// <param name="RetryBackOffRandomRange">Largest random time added to every attempt's back-off.</param>
/// <param name="RetryBackOffRepeatTimes">How many times the back-off is doubled before it stays the same.</param>
public readonly record struct RetryBackOffSettings(TimeSpan RetryBackOffWaitMinimum, TimeSpan RetryBackOffRandomRange, int RetryBackOffRepeatTimes)
{
    /// <summary>The settings from the device model's values, which are whole seconds.</summary>
    public static RetryBackOffSettings FromSeconds(int waitMinimum, int randomRange, int repeatTimes) =>
        new(TimeSpan.FromSeconds(waitMinimum), TimeSpan.FromSeconds(randomRange), repeatTimes);
}
