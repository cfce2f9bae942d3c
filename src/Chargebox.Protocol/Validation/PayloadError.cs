using Chargebox.Protocol.Framing;

namespace Chargebox.Protocol.Validation;

/// <summary>Why a payload was refused: the OCPP-J error code for the CALLERROR and a description that
/// names the offending field by its JSON path (at most <see cref="MaxDescriptionLength"/> characters,
/// because errorDescription is string[255] in Part 4, 4.2.3).</summary>
/// <param name="Code">The CALLERROR error code (Part 4, table 8).</param>
/// <param name="Description">For example <c>chargingStation.model: 21 characters, at most 20 allowed</c>.</param>
public readonly record struct PayloadError(OcppErrorCode Code, string Description)
{
    public const int MaxDescriptionLength = 255;

    /// <summary>The JSON path of the offending field (<c>meterValue[0].sampledValue[1].measurand</c>);
    /// empty when the payload as a whole is at fault.</summary>
    public string Path { get; init; } = "";

    public override string ToString() => $"{Code}: {Description}";
}
