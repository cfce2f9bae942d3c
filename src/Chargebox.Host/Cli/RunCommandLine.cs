using System.CommandLine;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Host.Cli;

/// <summary><c>chargebox run</c> as a System.CommandLine command: the parser checks each option's value, then
/// <see cref="RunOptions.CheckSecurityProfile"/> checks how they combine, then <see cref="RunCommand"/> runs.</summary>
internal sealed class RunCommandLine
{
    private readonly Option<Uri> _csms = new("--csms")
    {
        Description = "the CSMS's OCPP endpoint without the identity: ws:// (security profile 1) or wss:// (2, 3)",
        HelpName = "URL",
        Required = true,
        CustomParser = result => OptionValues.WebSocketUrl(result, "--csms"),
    };

    private readonly Option<string> _id = new("--id")
    {
        Description = "the station identity (at most 48 characters, no ':' '/' '?' '#' or spaces)",
        HelpName = "IDENTITY",
        Required = true,
        Validators = { OptionValues.StationIdentity },
    };

    private readonly Option<string> _profile = new("--profile")
    {
        Description = "station profile (JSON); default: the reference station",
        HelpName = "FILE",
    };

    private readonly Option<string> _dataDirectory = new("--data-dir")
    {
        Description = "where the station keeps its state; default ./chargebox-data/IDENTITY",
        HelpName = "DIR",
    };

    private readonly Option<int?> _controlPort = new("--control-port")
    {
        Description = "serve the control API on http://127.0.0.1:N/ (0: any free port); off by default",
        HelpName = "N",
        CustomParser = result => OptionValues.WholeNumber(result, "--control-port", 0, 65535),
    };

    private readonly Option<OcppSecurityProfile?> _securityProfile = new("--security-profile")
    {
        Description = "1: ws:// + Basic auth (default); 2: wss:// + Basic auth; 3: wss:// + client certificate",
        HelpName = "1|2|3",
        CustomParser = result => (OcppSecurityProfile?)OptionValues.WholeNumber(result, "--security-profile", 1, 3),
    };

    private readonly Option<string> _password = new("--password")
    {
        Description = "Basic authentication password (profiles 1 and 2; required for 2)",
        HelpName = "P",
    };

    private readonly Option<string> _csmsRootCertificate = new("--csms-root-cert")
    {
        Description = "PEM certificates that the CSMS's certificate must chain to (profiles 2 and 3)",
        HelpName = "FILE",
    };

    private readonly Option<string> _clientCertificate = new("--client-cert")
    {
        Description = "the station's certificate, PEM (profile 3)",
        HelpName = "FILE",
    };

    private readonly Option<string> _clientKey = new("--client-key")
    {
        Description = "its private key, PEM (profile 3)",
        HelpName = "FILE",
    };

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "log every OCPP message in and out",
        Validators = { OptionValues.GivenOnce },
    };

    public RunCommandLine()
    {
        Command = new Command("run", "Runs one station on simulated hardware against a CSMS until Ctrl+C.")
        {
            _csms, _id, _profile, _dataDirectory, _controlPort, _securityProfile, _password,
            _csmsRootCertificate, _clientCertificate, _clientKey, _verbose,
        };
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var options = Read(parsed);
        options.CheckSecurityProfile();
        try
        {
            return await RunCommand.RunAsync(options, parsed.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C while the station was still starting: nothing is left running, so this is a clean stop too.
            return ChargeboxCommand.Success;
        }
    }

    private RunOptions Read(ParseResult parsed)
    {
        var identity = parsed.GetRequiredValue(_id);
        return new RunOptions
        {
            CsmsUrl = parsed.GetRequiredValue(_csms),
            Identity = identity,
            ProfilePath = parsed.GetValue(_profile),
            DataDirectory = parsed.GetValue(_dataDirectory) ?? Path.Combine("chargebox-data", identity),
            ControlPort = parsed.GetValue(_controlPort),
            SecurityProfile = parsed.GetValue(_securityProfile) ?? OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication,
            Password = parsed.GetValue(_password),
            CsmsRootCertificatePath = parsed.GetValue(_csmsRootCertificate),
            ClientCertificatePath = parsed.GetValue(_clientCertificate),
            ClientKeyPath = parsed.GetValue(_clientKey),
            Verbose = parsed.GetValue(_verbose),
        };
    }
}
