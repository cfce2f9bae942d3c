using Chargebox.Station;
using Chargebox.Testing.Csms;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>What a test case changes from the default station under test (security profile 1 over ws, the
/// reference station's profile): e.g. TLS on the CSMS and profile 2 or 3 on the station, certificates,
/// a file transfer. Each function receives the default options and returns the ones to use.</summary>
internal sealed record StationUnderTestSetup
{
    public Func<TestCsmsOptions, TestCsmsOptions> Csms { get; init; } = options => options;

    /// <summary>Applied at every power-up, so a reboot keeps the same setup.</summary>
    public Func<ChargingStationOptions, ChargingStationOptions> Station { get; init; } = options => options;
}
