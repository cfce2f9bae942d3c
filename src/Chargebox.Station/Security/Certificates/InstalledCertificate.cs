using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Station.Security.Certificates;

/// <summary>One certificate in the station's store, as the station uses it.</summary>
/// <param name="Id">Its key in the store (SHA-256 thumbprint).</param>
/// <param name="Use">What it is for, as the specification names it (see <see cref="CertificateUse"/>).</param>
/// <param name="Certificate">The certificate; for the station's own certificate, with its private key.</param>
/// <param name="Chain">The intermediates installed with it, leaf first (only the station's own certificate has any).</param>
internal sealed record InstalledCertificate(string Id, string Use, X509Certificate2 Certificate, X509Certificate2Collection Chain);
