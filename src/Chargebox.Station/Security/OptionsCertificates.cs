using System.Security.Cryptography.X509Certificates;
using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Security;

/// <summary>The certificates handed in by the integrator (<see cref="ChargingStationOptions"/>): CSMS roots,
/// manufacturer roots and the station's client certificate. They fill the persisted store at the station's first
/// start (<see cref="Certificates.StationCertificates"/>); after that the store is what counts.</summary>
internal sealed class OptionsCertificates : IInstalledCertificates
{
    private readonly ChargingStationOptions _options;

    public OptionsCertificates(ChargingStationOptions options) => _options = options;

    public X509Certificate2? ChargingStationCertificate => _options.ClientCertificate;

    public X509Certificate2Collection ChargingStationCertificateChain { get; } = [];

    public IReadOnlyList<X509Certificate2> Roots(InstallCertificateUseEnumType use) => use switch
    {
        InstallCertificateUseEnumType.CSMSRootCertificate => [.. _options.CsmsRootCertificates],
        InstallCertificateUseEnumType.ManufacturerRootCertificate => [.. _options.ManufacturerRootCertificates],
        _ => [],
    };
}
