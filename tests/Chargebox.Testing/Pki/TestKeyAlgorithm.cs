namespace Chargebox.Testing.Pki;

/// <summary>Key type of every certificate in a <see cref="TestPki"/>.</summary>
public enum TestKeyAlgorithm
{
    /// <summary>ECDSA on P-256, as used with the TLS_ECDHE_ECDSA_* suites of the reference station.</summary>
    EcdsaP256,

    /// <summary>RSA 2048 bits.</summary>
    Rsa2048,
}
