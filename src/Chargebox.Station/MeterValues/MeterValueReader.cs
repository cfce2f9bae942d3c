using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.MeterValues;

/// <summary>Reads a meter and turns the reading into a MeterValue, signed by the meter when the controller's
/// SignReadings says so (J01.FR.21, J02.FR.21, C-42). Every sampled value of a signed MeterValue carries the
/// meter's signed document for that reading; the public key goes with it as OCPPCommCtrlr.PublicKeyWithSignedMeterValue
/// says.</summary>
internal sealed class MeterValueReader(StationServices services)
{
    /// <summary>One MeterValue of <paramref name="measurands"/>; null when none of them is measured here. The
    /// transaction is the one the reading belongs to; null outside transactions.</summary>
    public async ValueTask<MeterValueType?> ReadAsync(
        IEvseHardware evse,
        IReadOnlyList<string> measurands,
        ReadingContextEnumType context,
        bool signReadings,
        TransactionMeterData? transaction,
        CancellationToken cancellationToken)
    {
        if (measurands.Count == 0)
        {
            return null;
        }

        if (!signReadings || !evse.Meter.CanSign)
        {
            var reading = await evse.Meter.ReadAsync(cancellationToken).ConfigureAwait(false);
            return MeterValueSampler.Sample(reading, measurands, context);
        }

        var signingContext = new MeterSigningContext(Reason(context, transaction), transaction?.TransactionId);
        var signed = await evse.Meter.ReadSignedAsync(signingContext, cancellationToken).ConfigureAwait(false);
        if (MeterValueSampler.Sample(signed.Reading, measurands, context) is not { } value)
        {
            return null;
        }

        var publicKey = Convert.ToBase64String(signed.PublicKey.Span);
        var signedMeterData = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(signed.SignedData));
        var policy = PublicKeyWithSignedMeterValueParser.Parse(services.DeviceModel.OcppComm.PublicKeyWithSignedMeterValue);
        var sampled = new List<SampledValueType>(value.SampledValue.Count);
        foreach (var item in value.SampledValue)
        {
            sampled.Add(Sign(item, signedMeterData, signed, KeyFor(policy, transaction, sampled.Count == 0) ? publicKey : string.Empty));
        }

        return new MeterValueType { Timestamp = value.Timestamp, SampledValue = sampled };
    }

    /// <summary>Whether this sampled value carries the key: always with EveryMeterValue; with OncePerTransaction
    /// on the first signed value of the transaction (outside transactions, on the first of each MeterValue, so
    /// that every message can be verified on its own).</summary>
    private static bool KeyFor(PublicKeyWithSignedMeterValue policy, TransactionMeterData? transaction, bool firstInMeterValue)
    {
        switch (policy)
        {
            case PublicKeyWithSignedMeterValue.EveryMeterValue:
                return true;
            case PublicKeyWithSignedMeterValue.OncePerTransaction when transaction is null:
                return firstInMeterValue;
            case PublicKeyWithSignedMeterValue.OncePerTransaction when !transaction.PublicKeySent:
                transaction.PublicKeySent = true;
                return true;
            default:
                return false;
        }
    }

    private static SampledValueType Sign(SampledValueType value, string signedMeterData, SignedMeterReading signed, string publicKey) => new()
    {
        Value = value.Value,
        Context = value.Context,
        Measurand = value.Measurand,
        Phase = value.Phase,
        Location = value.Location,
        UnitOfMeasure = value.UnitOfMeasure,
        SignedMeterValue = new SignedMeterValueType
        {
            SignedMeterData = signedMeterData,
            SigningMethod = signed.SigningMethod,
            EncodingMethod = signed.EncodingMethod,
            PublicKey = publicKey,
        },
    };

    private static MeterReadingReason Reason(ReadingContextEnumType context, TransactionMeterData? transaction) => transaction is null
        ? MeterReadingReason.Fiscal
        : context switch
        {
            ReadingContextEnumType.TransactionBegin => MeterReadingReason.TransactionBegin,
            ReadingContextEnumType.TransactionEnd => MeterReadingReason.TransactionEnd,
            _ => MeterReadingReason.Charging,
        };
}
