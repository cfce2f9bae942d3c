using Chargebox.Protocol.Messages;
using Chargebox.Simulator;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Hardware;
using Chargebox.Station.MeterValues;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Chargebox.Station.Security;
using Chargebox.Station.Tests.DeviceModel;
using Chargebox.Storage;
using Chargebox.Transport.FileTransfer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.MeterValues;

/// <summary>Signed meter values (J01.FR.21, J02.FR.21, C-42) on the real device model and the simulated meter:
/// when a reading is signed, and when the meter's public key goes with it (PublicKeyWithSignedMeterValue).</summary>
public sealed class MeterValueReaderTests : IDisposable
{
    private static readonly string[] Measurands = ["Energy.Active.Import.Register", "Voltage"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly StationDeviceModel _model;
    private readonly SimulatedCharger _charger;
    private readonly MeterValueReader _reader;

    public MeterValueReaderTests()
    {
        _model = DeviceModelFactory.Create(StationProfile.Reference, new FakeDeviceModelStore(), _time);
        _charger = new SimulatedCharger(SimulatedChargerOptions.Default(), _time);
        var inbox = new StationInbox("CS-METER", NullLogger.Instance);
        _reader = new MeterValueReader(new StationServices
        {
            StationId = "CS-METER",
            Inbox = inbox,
            Clock = new StationClock(_time),
            Link = new CsmsLink(inbox, CancellationToken.None),
            Router = new CsmsCallRouter(inbox),
            Hardware = new StationHardware { Evses = _charger.Evses, Power = _charger.Power },
            Store = new InMemoryStationStore(),
            DeviceModel = _model,
            LoggerFactory = NullLoggerFactory.Instance,
            SecurityEvents = new InMemorySecurityEvents(_time),
            SecurityLog = new InMemorySecurityEvents(_time),
            Certificates = new OptionsCertificates(new ChargingStationOptions { Identity = "CS-METER", CsmsUrl = new Uri("ws://localhost/ocpp") }),
            FileTransfer = new CompositeFileTransfer([]),
        });
    }

    [Fact]
    public async Task SignReadings_false_sends_plain_values()
    {
        var value = await ReadAsync(sign: false, transaction: null);

        Assert.All(value.SampledValue, s => Assert.Null(s.SignedMeterValue));
    }

    [Fact]
    public async Task Signed_values_carry_the_meters_OCMF_document_base64_encoded()
    {
        var value = await ReadAsync(sign: true, transaction: null);

        Assert.Equal(2, value.SampledValue.Count); // energy and the voltage of the one phase
        Assert.All(value.SampledValue, s =>
        {
            var signed = Assert.IsType<SignedMeterValueType>(s.SignedMeterValue);
            Assert.Equal(("OCMF", "ECDSA-secp256r1-SHA256"), (signed.EncodingMethod, signed.SigningMethod));
            Assert.StartsWith("OCMF|{", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(signed.SignedMeterData)), StringComparison.Ordinal);
        });
        Assert.Single(value.SampledValue.Select(s => s.SignedMeterValue!.SignedMeterData).Distinct());
    }

    [Fact]
    public async Task PublicKeyWithSignedMeterValue_Never_sends_an_empty_key()
    {
        Set("OCPPCommCtrlr", "PublicKeyWithSignedMeterValue", "Never");

        var value = await ReadAsync(sign: true, transaction: new TransactionMeterData("tx-1"));

        Assert.All(value.SampledValue, s => Assert.Equal(string.Empty, s.SignedMeterValue!.PublicKey));
    }

    [Fact]
    public async Task PublicKeyWithSignedMeterValue_EveryMeterValue_sends_the_key_with_every_value()
    {
        Set("OCPPCommCtrlr", "PublicKeyWithSignedMeterValue", "EveryMeterValue");
        var transaction = new TransactionMeterData("tx-1");

        var first = await ReadAsync(sign: true, transaction);
        var second = await ReadAsync(sign: true, transaction);

        var expected = Convert.ToBase64String((await _charger.Evses[0].Meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.Fiscal, null), CancellationToken.None)).PublicKey.Span);
        Assert.All(first.SampledValue.Concat(second.SampledValue), s => Assert.Equal(expected, s.SignedMeterValue!.PublicKey));
    }

    [Fact]
    public async Task PublicKeyWithSignedMeterValue_OncePerTransaction_sends_the_key_with_the_first_signed_value_only()
    {
        Set("OCPPCommCtrlr", "PublicKeyWithSignedMeterValue", "OncePerTransaction");
        var transaction = new TransactionMeterData("tx-1");

        var first = await ReadAsync(sign: true, transaction);
        var second = await ReadAsync(sign: true, transaction);
        var next = await ReadAsync(sign: true, new TransactionMeterData("tx-2"));

        Assert.Equal([true, false], first.SampledValue.Select(s => s.SignedMeterValue!.PublicKey.Length > 0));
        Assert.All(second.SampledValue, s => Assert.Equal(string.Empty, s.SignedMeterValue!.PublicKey));
        Assert.NotEqual(string.Empty, next.SampledValue[0].SignedMeterValue!.PublicKey);
    }

    [Fact]
    public async Task A_meter_that_cannot_sign_gives_plain_values_even_with_SignReadings()
    {
        var evse = new UnsignedEvse(_charger.Evses[0]);

        var value = await _reader.ReadAsync(evse, Measurands, ReadingContextEnumType.SampleClock, signReadings: true, null, CancellationToken.None);

        Assert.All(value!.SampledValue, s => Assert.Null(s.SignedMeterValue));
    }

    public void Dispose() => _charger.Dispose();

    private async Task<MeterValueType> ReadAsync(bool sign, TransactionMeterData? transaction) =>
        (await _reader.ReadAsync(_charger.Evses[0], Measurands, ReadingContextEnumType.SamplePeriodic, sign, transaction, CancellationToken.None))!;

    private void Set(string component, string variable, string value) =>
        _model.UpdateActual(new ComponentKey(component), new VariableKey(variable), value);

    private sealed class UnsignedEvse(IEvseHardware inner) : IEvseHardware, IEnergyMeter
    {
        public int EvseId => inner.EvseId;

        public IReadOnlyList<IConnectorHardware> Connectors => inner.Connectors;

        public IRelay Relay => inner.Relay;

        public IEnergyMeter Meter => this;

        public bool CanSign => false;

        public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken) => inner.Meter.ReadAsync(cancellationToken);

        public ValueTask<SignedMeterReading> ReadSignedAsync(MeterSigningContext context, CancellationToken cancellationToken) =>
            throw new NotSupportedException("This meter does not sign.");
    }
}
