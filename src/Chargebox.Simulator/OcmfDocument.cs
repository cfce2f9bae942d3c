using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>Writes a signed reading in the Open Charge Metering Format (OCMF 1.0, SAFE e.V.):
/// <c>OCMF|{payload}|{"SA":"ECDSA-secp256r1-SHA256","SD":"hex DER signature"}</c>. The signature covers the
/// payload's UTF-8 bytes exactly as written, so they are never re-serialized after signing. The payload holds
/// the meter's identity, the pagination counter of its context (T within a transaction, F outside), the user
/// assignment fields when there is a transaction, and the energy register reading: the value a meter
/// approved for billing signs.</summary>
internal static class OcmfDocument
{
    public const string SignatureAlgorithm = "ECDSA-secp256r1-SHA256";
    public const string Encoding = "OCMF";

    public static string Create(ECDsa key, string meterSerial, string pagination, MeterReading reading, MeterSigningContext context)
    {
        var payload = Payload(meterSerial, pagination, reading, context);
        var signature = key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return $"OCMF|{System.Text.Encoding.UTF8.GetString(payload)}|{{\"SA\":\"{SignatureAlgorithm}\",\"SD\":\"{Convert.ToHexString(signature)}\"}}";
    }

    private static byte[] Payload(string meterSerial, string pagination, MeterReading reading, MeterSigningContext context)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("FV", "1.0");
            json.WriteString("GI", "Chargebox simulated charger");
            json.WriteString("GS", meterSerial);
            json.WriteString("PG", pagination);
            json.WriteString("MV", "Chargebox");
            json.WriteString("MM", "SimulatedMeter");
            json.WriteString("MS", meterSerial);
            if (context.Reason != MeterReadingReason.Fiscal)
            {
                // The meter does not know the driver: user assignment present (transaction reference) but not made.
                json.WriteBoolean("IS", false);
                json.WriteString("IT", "NONE");

                // Vendor extension (X...): the OCPP transaction the reading belongs to.
                json.WriteString("XT", context.TransactionId ?? string.Empty);
            }

            json.WriteStartArray("RD");
            json.WriteStartObject();
            json.WriteString("TM", Time(reading.Timestamp));
            if (TransactionCode(context.Reason) is { } tx)
            {
                json.WriteString("TX", tx);
            }

            // RV in Wh at the register's own resolution (mWh), written as the exact decimal, so the signed value
            // equals the one in the sampled value; a verifier reads it as written.
            json.WritePropertyName("RV");
            json.WriteRawValue(reading.EnergyActiveImportWh.ToString("0.000", CultureInfo.InvariantCulture));
            json.WriteString("RI", "1-b:1.8.0");
            json.WriteString("RU", "Wh");
            json.WriteString("EF", string.Empty);
            json.WriteString("ST", "G");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>ISO 8601 with milliseconds, a comma before them and the offset without a colon, then the
    /// clock's synchronisation state: I (informative), the station's clock is not a legally relevant one.</summary>
    private static string Time(DateTimeOffset timestamp) =>
        timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss','fff", CultureInfo.InvariantCulture) + "+0000 I";

    private static string? TransactionCode(MeterReadingReason reason) => reason switch
    {
        MeterReadingReason.TransactionBegin => "B",
        MeterReadingReason.Charging => "C",
        MeterReadingReason.TransactionEnd => "E",
        _ => null,
    };
}
