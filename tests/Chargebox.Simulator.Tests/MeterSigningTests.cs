using Chargebox.Station.Hardware;

namespace Chargebox.Simulator.Tests;

/// <summary>The simulated meter signs its readings in OCMF with its own ECDSA P-256 key (C-42), kept in the key
/// directory when there is one. Every signature is checked with <see cref="OcmfReader"/>, independently of the
/// signing code.</summary>
public sealed class MeterSigningTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chargebox-meter-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_signed_reading_verifies_with_the_meters_public_key_and_holds_the_register()
    {
        using var sim = new SimulatorFixture();
        var meter = await ChargeAsync(sim, TimeSpan.FromMinutes(10));

        var signed = await meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.Charging, "tx-1"), None);

        Assert.Equal(("OCMF", "ECDSA-secp256r1-SHA256"), (signed.EncodingMethod, signed.SigningMethod));
        using var ocmf = OcmfReader.Parse(signed.SignedData);
        Assert.True(ocmf.Verifies(signed.PublicKey.Span));
        Assert.Equal(signed.Reading.EnergyActiveImportWh, ocmf.FirstReading.GetProperty("RV").GetDecimal());
        Assert.Equal(1226.666m, signed.Reading.EnergyActiveImportWh); // 7360 W for 10 min, rounded down to the mWh
        Assert.Equal(("Wh", "1-b:1.8.0", "G"), (ocmf.FirstReading.GetProperty("RU").GetString(), ocmf.FirstReading.GetProperty("RI").GetString(), ocmf.FirstReading.GetProperty("ST").GetString()));
        Assert.Equal("2026-01-01T00:10:00,000+0000 I", ocmf.FirstReading.GetProperty("TM").GetString());
        Assert.Equal("CBSIM-1", ocmf.Payload.RootElement.GetProperty("MS").GetString());
    }

    [Fact]
    public async Task A_changed_payload_no_longer_verifies()
    {
        using var sim = new SimulatorFixture();
        var meter = await ChargeAsync(sim, TimeSpan.FromMinutes(10));

        var signed = await meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.TransactionEnd, "tx-1"), None);

        using var ocmf = OcmfReader.Parse(signed.SignedData);
        Assert.False(ocmf.Verifies(signed.PublicKey.Span, ocmf.PayloadText.Replace("1226.666", "1.000", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Transaction_readings_are_paginated_in_T_with_their_reason_and_fiscal_ones_in_F()
    {
        using var sim = new SimulatorFixture();
        var meter = sim.Charger.Evses[0].Meter;

        var begin = await meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.TransactionBegin, "tx-1"), None);
        var fiscal = await meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.Fiscal, null), None);
        var charging = await meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.Charging, "tx-1"), None);
        var end = await meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.TransactionEnd, "tx-1"), None);

        using var b = OcmfReader.Parse(begin.SignedData);
        using var f = OcmfReader.Parse(fiscal.SignedData);
        using var c = OcmfReader.Parse(charging.SignedData);
        using var e = OcmfReader.Parse(end.SignedData);
        Assert.Equal(["T1", "F1", "T2", "T3"], new[] { b, f, c, e }.Select(d => d.Payload.RootElement.GetProperty("PG").GetString()));
        Assert.Equal(["B", "C", "E"], new[] { b, c, e }.Select(d => d.FirstReading.GetProperty("TX").GetString()));
        Assert.Equal("tx-1", b.Payload.RootElement.GetProperty("XT").GetString());

        // OCMF: without a transaction reference there is no TX and no user assignment section.
        Assert.False(f.FirstReading.TryGetProperty("TX", out _));
        Assert.False(f.Payload.RootElement.TryGetProperty("IS", out _));
    }

    [Fact]
    public async Task The_key_is_kept_in_the_key_directory_owner_only_and_used_again_after_a_restart()
    {
        var options = SimulatedChargerOptions.Default(2) with { MeterKeyDirectory = _directory };
        ReadOnlyMemory<byte> first;
        using (var sim = new SimulatorFixture(options))
        {
            first = (await sim.Charger.Evses[0].Meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.Fiscal, null), None)).PublicKey;
            var other = (await sim.Charger.Evses[1].Meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.Fiscal, null), None)).PublicKey;
            Assert.False(first.Span.SequenceEqual(other.Span), "each meter has its own key");
        }

        var file = Path.Combine(_directory, "meter-evse-1.pem");
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        using var restarted = new SimulatorFixture(options);
        var signed = await restarted.Charger.Evses[0].Meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.Fiscal, null), None);
        Assert.True(first.Span.SequenceEqual(signed.PublicKey.Span));
        using var ocmf = OcmfReader.Parse(signed.SignedData);
        Assert.True(ocmf.Verifies(first.Span));
    }

    [Fact]
    public async Task Without_a_key_directory_each_charger_makes_its_own_key_in_memory()
    {
        using var sim = new SimulatorFixture();
        using var other = new SimulatorFixture();
        var context = new MeterSigningContext(MeterReadingReason.Fiscal, null);

        var signed = await sim.Charger.Evses[0].Meter.ReadSignedAsync(context, None);
        var otherSigned = await other.Charger.Evses[0].Meter.ReadSignedAsync(context, None);

        using var ocmf = OcmfReader.Parse(signed.SignedData);
        Assert.True(ocmf.Verifies(signed.PublicKey.Span));
        Assert.False(ocmf.Verifies(otherSigned.PublicKey.Span));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<IEnergyMeter> ChargeAsync(SimulatorFixture sim, TimeSpan duration)
    {
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);
        await evse.Relay.CloseAsync(32m, None);
        sim.Time.Advance(duration);
        return evse.Meter;
    }
}
