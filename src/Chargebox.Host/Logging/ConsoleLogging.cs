namespace Chargebox.Host.Logging;

/// <summary>The command's logging: one line per event on the console. At Debug (<c>--verbose</c>) the RPC
/// layer logs every OCPP message in and out with the station identity, action and message id; payloads
/// stay at Trace, which the command never turns on, so passwords and keys sent in payloads never reach
/// the console.</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(bool verbose, LogLevel quietLevel = LogLevel.Information) => LoggerFactory.Create(logging =>
    {
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        logging.SetMinimumLevel(verbose ? LogLevel.Debug : quietLevel);
        logging.AddFilter("Microsoft", LogLevel.Warning);
    });
}
