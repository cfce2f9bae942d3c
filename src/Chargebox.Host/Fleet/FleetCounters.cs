namespace Chargebox.Host.Fleet;

/// <summary>What the stations of one fleet did so far. One instance per fleet (never static: several fleets can
/// run in one process, e.g. in tests); written from every station's scenario task, hence atomic counters.</summary>
internal sealed class FleetCounters
{
    private long _transactionsStarted;
    private long _transactionsEnded;
    private long _errors;

    public long TransactionsStarted => Interlocked.Read(ref _transactionsStarted);

    public long TransactionsEnded => Interlocked.Read(ref _transactionsEnded);

    public long Errors => Interlocked.Read(ref _errors);

    public void TransactionStarted() => Interlocked.Increment(ref _transactionsStarted);

    public void TransactionEnded() => Interlocked.Increment(ref _transactionsEnded);

    public void Error() => Interlocked.Increment(ref _errors);
}
