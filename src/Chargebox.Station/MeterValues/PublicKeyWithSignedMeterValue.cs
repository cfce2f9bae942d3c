namespace Chargebox.Station.MeterValues;

/// <summary>OCPPCommCtrlr.PublicKeyWithSignedMeterValue: how often the meter's public key goes with signed
/// meter values. When it does not, publicKey is sent empty (the field is required).</summary>
internal enum PublicKeyWithSignedMeterValue
{
    Never,
    OncePerTransaction,
    EveryMeterValue,
}

internal static class PublicKeyWithSignedMeterValueParser
{
    /// <summary>Unknown values (the catalogue admits none) read as Never: a key is never sent unasked.</summary>
    public static PublicKeyWithSignedMeterValue Parse(string value) => value switch
    {
        "OncePerTransaction" => PublicKeyWithSignedMeterValue.OncePerTransaction,
        "EveryMeterValue" => PublicKeyWithSignedMeterValue.EveryMeterValue,
        _ => PublicKeyWithSignedMeterValue.Never,
    };
}
