using Chargebox.Host.Cli;

// System.CommandLine turns Ctrl+C and SIGTERM (a service manager's stop) into a cancelled token: a clean stop.
return await ChargeboxCommand.RunAsync(args).ConfigureAwait(false);
