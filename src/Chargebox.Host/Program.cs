using Chargebox.Host.Cli;

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the station cleanly; a second one ends the process at once.
    e.Cancel = !stopping.IsCancellationRequested;
    stopping.Cancel();
};
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
{
    // A service manager's stop request gets the same clean stop as Ctrl+C.
    signal.Cancel = true;
    stopping.Cancel();
});

return await ChargeboxCommand.RunAsync(args, Console.Out, Console.Error, stopping.Token).ConfigureAwait(false);
