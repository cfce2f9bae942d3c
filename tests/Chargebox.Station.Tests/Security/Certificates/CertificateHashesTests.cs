using System.Formats.Asn1;
using System.Security.Cryptography;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Security.Certificates;
using Chargebox.Testing.Pki;

namespace Chargebox.Station.Tests.Security.Certificates;

/// <summary>M03, M04: certificateHashData names a certificate as an OCSP CertID does.</summary>
public sealed class CertificateHashesTests : IDisposable
{
    private readonly TestPki _pki = TestPki.Create();

    [Fact]
    public void The_hashes_are_of_the_issuer_name_and_the_issuer_public_key_bits()
    {
        var server = _pki.IssueServerCertificate();

        var data = CertificateHashes.Of(server, _pki.Root, HashAlgorithmEnumType.SHA256);

        // Read the issuer's subjectPublicKey BIT STRING out of its SubjectPublicKeyInfo independently.
        var spki = new AsnReader(_pki.Root.PublicKey.ExportSubjectPublicKeyInfo(), AsnEncodingRules.DER).ReadSequence();
        spki.ReadSequence();
        var keyBits = spki.ReadBitString(out _);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_pki.Root.SubjectName.RawData)), data.IssuerNameHash);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(keyBits)), data.IssuerKeyHash);
        Assert.Equal(server.SerialNumber.TrimStart('0').ToLowerInvariant(), data.SerialNumber);
        Assert.Equal(HashAlgorithmEnumType.SHA256, data.HashAlgorithm);
    }

    [Theory]
    [InlineData(HashAlgorithmEnumType.SHA256, 64)]
    [InlineData(HashAlgorithmEnumType.SHA384, 96)]
    [InlineData(HashAlgorithmEnumType.SHA512, 128)]
    public void Each_hash_algorithm_gives_hashes_of_its_length(HashAlgorithmEnumType algorithm, int hexLength)
    {
        var data = CertificateHashes.Of(_pki.Root, _pki.Root, algorithm);
        Assert.Equal((hexLength, hexLength), (data.IssuerNameHash.Length, data.IssuerKeyHash.Length));
    }

    [Fact]
    public void Matching_ignores_case_and_leading_zeros_of_the_serial_number()
    {
        var data = CertificateHashes.Of(_pki.Root, _pki.Root, HashAlgorithmEnumType.SHA384);
        var shouted = new CertificateHashDataType
        {
            HashAlgorithm = HashAlgorithmEnumType.SHA384,
            IssuerNameHash = data.IssuerNameHash.ToUpperInvariant(),
            IssuerKeyHash = data.IssuerKeyHash.ToUpperInvariant(),
            SerialNumber = "00" + data.SerialNumber.ToUpperInvariant(),
        };

        Assert.True(CertificateHashes.Matches(shouted, _pki.Root, _pki.Root));
        Assert.False(CertificateHashes.Matches(CertificateHashes.Of(_pki.StationCa, _pki.Root, HashAlgorithmEnumType.SHA384), _pki.Root, _pki.Root));
    }

    public void Dispose() => _pki.Dispose();
}
