namespace Chargebox.Host.Control;

/// <summary>A control request the API refuses: bad input (400) or an unknown thing (404).</summary>
internal sealed class ControlApiException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ControlApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}
