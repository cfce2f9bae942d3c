namespace Chargebox.Station.Hardware;

/// <summary>The energy meter of one EVSE.</summary>
public interface IEnergyMeter
{
    /// <summary>Whether the meter signs its readings (a meter approved for billing does, C-42).</summary>
    bool CanSign { get; }

    /// <summary>Takes a reading now.</summary>
    ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Takes a reading now and signs it with the meter's own key. The meter signs what it measured
    /// itself, so the station cannot alter a signed value; it only passes on why the reading was taken.</summary>
    /// <exception cref="NotSupportedException">The meter does not sign (<see cref="CanSign"/> is false).</exception>
    ValueTask<SignedMeterReading> ReadSignedAsync(MeterSigningContext context, CancellationToken cancellationToken);
}

/// <summary>One reading of a meter. Per-phase lists have one entry per phase in use (L1, L2, L3).</summary>
/// <param name="Timestamp">When the reading was taken (station clock, UTC).</param>
/// <param name="EnergyActiveImportWh">The register: energy delivered since the meter was made, in Wh (Energy.Active.Import.Register).</param>
/// <param name="PowerActiveImportW">Active power now, in W (Power.Active.Import).</param>
/// <param name="CurrentImportA">Current per phase, in A (Current.Import).</param>
/// <param name="VoltageV">Voltage per phase to neutral, in V (Voltage).</param>
/// <param name="CurrentOfferedA">The current offered to the EV, in A (Current.Offered).</param>
public sealed record MeterReading(
    DateTimeOffset Timestamp,
    decimal EnergyActiveImportWh,
    decimal PowerActiveImportW,
    IReadOnlyList<decimal> CurrentImportA,
    IReadOnlyList<decimal> VoltageV,
    decimal CurrentOfferedA);

/// <summary>Why a signed reading is taken: the meter records it in the signed data, so a verifier can tell the
/// start of a transaction from its end and a reading outside any transaction (fiscal) from one inside.</summary>
public enum MeterReadingReason
{
    /// <summary>No transaction runs (clock-aligned or triggered reading).</summary>
    Fiscal,
    TransactionBegin,
    Charging,
    TransactionEnd,
}

/// <summary>What the meter records with a signed reading.</summary>
/// <param name="Reason">Why the reading is taken.</param>
/// <param name="TransactionId">The transaction the reading belongs to; null for a fiscal reading.</param>
public sealed record MeterSigningContext(MeterReadingReason Reason, string? TransactionId);

/// <summary>A reading and the meter's signature over it.</summary>
/// <param name="Reading">The values the meter signed.</param>
/// <param name="SignedData">The signed document as the meter produced it (for OCMF: <c>OCMF|payload|signature</c>).</param>
/// <param name="SigningMethod">The signature algorithm, e.g. <c>ECDSA-secp256r1-SHA256</c>.</param>
/// <param name="EncodingMethod">The format of <paramref name="SignedData"/>, e.g. <c>OCMF</c>.</param>
/// <param name="PublicKey">The meter's public key, DER SubjectPublicKeyInfo.</param>
public sealed record SignedMeterReading(
    MeterReading Reading,
    string SignedData,
    string SigningMethod,
    string EncodingMethod,
    ReadOnlyMemory<byte> PublicKey);
