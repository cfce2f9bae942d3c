namespace Chargebox.Transport.WebSockets;

/// <summary>Opening the WebSocket connection to the CSMS failed. <see cref="Exception.Message"/> is a single
/// line a user can act on (it never contains the password); <see cref="Failure"/> says why for code.</summary>
public sealed class OcppConnectException : Exception
{
    public OcppConnectException(OcppConnectFailure failure, string message, Exception? innerException = null, int? httpStatusCode = null)
        : base(message, innerException)
    {
        Failure = failure;
        HttpStatusCode = httpStatusCode;
    }

    public OcppConnectFailure Failure { get; }

    /// <summary>The HTTP status of the upgrade response when the CSMS answered with something other than 101.</summary>
    public int? HttpStatusCode { get; }
}
