using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Chargebox.Simulator.Tests;

/// <summary>Reads and verifies an OCMF document as a CSMS or transparency software would, from the OCMF
/// specification alone (header, payload and signature sections separated by '|'; ECDSA over the payload's
/// bytes; hex DER signature). Shares no code with the meter that signs.</summary>
internal sealed class OcmfReader : IDisposable
{
    private OcmfReader(string payloadText, JsonDocument payload, JsonDocument signature)
    {
        PayloadText = payloadText;
        Payload = payload;
        Signature = signature;
    }

    public string PayloadText { get; }

    public JsonDocument Payload { get; }

    public JsonDocument Signature { get; }

    public JsonElement FirstReading => Payload.RootElement.GetProperty("RD")[0];

    public static OcmfReader Parse(string document)
    {
        var sections = document.Split('|');
        Assert.Equal(3, sections.Length);
        Assert.Equal("OCMF", sections[0]);
        return new OcmfReader(sections[1], JsonDocument.Parse(sections[1]), JsonDocument.Parse(sections[2]));
    }

    /// <summary>Whether the signature section's signature verifies over <paramref name="payloadText"/> (by default
    /// the payload as received) with the DER SubjectPublicKeyInfo <paramref name="publicKey"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> publicKey, string? payloadText = null)
    {
        Assert.Equal("ECDSA-secp256r1-SHA256", Signature.RootElement.GetProperty("SA").GetString());
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(publicKey, out _);
        Assert.Equal(256, key.KeySize);
        var signature = Convert.FromHexString(Signature.RootElement.GetProperty("SD").GetString()!);
        return key.VerifyData(Encoding.UTF8.GetBytes(payloadText ?? PayloadText), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose()
    {
        Payload.Dispose();
        Signature.Dispose();
    }
}
