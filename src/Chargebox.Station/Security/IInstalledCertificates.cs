using System.Security.Cryptography.X509Certificates;
using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Security;

/// <summary>The certificates installed on the station, as the other blocks need them: trust anchors to check
/// the CSMS's server certificate (CSMSRootCertificate) and firmware signing certificates
/// (ManufacturerRootCertificate), and the station's own certificate with its key for security profile 3.
/// Read on the station's loop.</summary>
internal interface IInstalledCertificates
{
    /// <summary>The installed root certificates of one use, oldest first.</summary>
    IReadOnlyList<X509Certificate2> Roots(InstallCertificateUseEnumType use);

    /// <summary>The station's certificate with its private key (ChargingStationCertificate), or null.</summary>
    X509Certificate2? ChargingStationCertificate { get; }

    /// <summary>The intermediate CA certificates sent with <see cref="ChargingStationCertificate"/>.</summary>
    X509Certificate2Collection ChargingStationCertificateChain { get; }
}
