using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Station.Security.Certificates;

/// <summary>A02.FR.02, A02.FR.03: the CSR the station sends in SignCertificateRequest: PKCS#10 (RFC 2986) in
/// PEM, for a key made on the station, with the subject of a ChargingStationCertificate (CN = the station's
/// identity, O = SecurityCtrlr.OrganizationName).</summary>
internal static class CertificateSigningRequest
{
    /// <summary>The CSR in PEM and the new private key as PKCS#8 (kept on the station, never sent).</summary>
    public static (string Pem, byte[] PrivateKey) Create(string identity, string organizationName)
    {
        using var key = StationKey.Create();
        var subject = new X500DistinguishedNameBuilder();
        // The builder writes the names in reverse order of the calls: this gives O then CN in the DER, shown as "CN=..., O=...".
        subject.AddCommonName(identity);
        subject.AddOrganizationName(organizationName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, critical: true));
        var pem = PemEncoding.WriteString("CERTIFICATE REQUEST", request.CreateSigningRequest());
        return (pem, key.ExportPkcs8PrivateKey());
    }
}
