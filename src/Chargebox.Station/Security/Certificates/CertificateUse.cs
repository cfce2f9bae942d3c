using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Security.Certificates;

/// <summary>The names the store keeps for what a certificate is for: the InstallCertificate uses, and the
/// station's own certificate (which only CertificateSigned installs).</summary>
internal static class CertificateUse
{
    public const string ChargingStationCertificate = "ChargingStationCertificate";

    public static string Of(InstallCertificateUseEnumType use) => use.ToWireString();

    /// <summary>The GetInstalledCertificateIds type of a stored root, or null for a certificate that request does not list.</summary>
    public static GetCertificateIdUseEnumType? AsIdUse(string use) => use switch
    {
        "CSMSRootCertificate" => GetCertificateIdUseEnumType.CSMSRootCertificate,
        "ManufacturerRootCertificate" => GetCertificateIdUseEnumType.ManufacturerRootCertificate,
        "V2GRootCertificate" => GetCertificateIdUseEnumType.V2GRootCertificate,
        "MORootCertificate" => GetCertificateIdUseEnumType.MORootCertificate,
        _ => null,
    };
}
