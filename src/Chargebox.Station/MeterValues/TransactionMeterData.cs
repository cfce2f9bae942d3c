using Chargebox.Protocol.Messages;

namespace Chargebox.Station.MeterValues;

/// <summary>What the meter-value side keeps about one running transaction: whether the meter's public key was
/// sent yet (OncePerTransaction) and the samples collected for its Ended event (TxEndedInterval).</summary>
internal sealed class TransactionMeterData(string transactionId)
{
    public string TransactionId { get; } = transactionId;

    public bool PublicKeySent { get; set; }

    /// <summary>SampledDataCtrlr.TxEndedInterval and AlignedDataCtrlr.TxEndedInterval samples, oldest first.</summary>
    public List<MeterValueType> EndedValues { get; } = [];
}
