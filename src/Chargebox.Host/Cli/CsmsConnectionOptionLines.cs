using System.CommandLine;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Host.Cli;

/// <summary>The options every command that runs stations takes alike (<c>run</c>, <c>fleet</c>): the CSMS
/// endpoint, the security profile and its credentials, the station profile and <c>--verbose</c>. Declared
/// once, so both commands parse and check them the same way.</summary>
internal sealed class CsmsConnectionOptionLines
{
    private readonly Option<Uri> _csms;

    private readonly Option<string> _profile = new("--profile")
    {
        Description = "station profile (JSON); default: the reference station",
        HelpName = "FILE",
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

    public CsmsConnectionOptionLines(string csmsDescription)
    {
        _csms = new("--csms")
        {
            Description = csmsDescription,
            HelpName = "URL",
            Required = true,
            CustomParser = result => OptionValues.WebSocketUrl(result, "--csms"),
        };
    }

    /// <summary>The CSMS endpoint option, to be added first.</summary>
    public Option Csms => _csms;

    /// <summary>The station profile option.</summary>
    public Option Profile => _profile;

    /// <summary>The security and logging options, in the order the help lists them.</summary>
    public IEnumerable<Option> Security => [_securityProfile, _password, _csmsRootCertificate, _clientCertificate, _clientKey, _verbose];

    public string? ReadProfilePath(ParseResult parsed) => parsed.GetValue(_profile);

    public bool ReadVerbose(ParseResult parsed) => parsed.GetValue(_verbose);

    /// <summary>The connection settings, checked as a whole (<see cref="CsmsConnectionOptions.CheckSecurityProfile"/>).</summary>
    /// <exception cref="UsageException">The options do not fit the security profile.</exception>
    public CsmsConnectionOptions Read(ParseResult parsed)
    {
        var connection = new CsmsConnectionOptions
        {
            CsmsUrl = parsed.GetRequiredValue(_csms),
            SecurityProfile = parsed.GetValue(_securityProfile) ?? OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication,
            Password = parsed.GetValue(_password),
            CsmsRootCertificatePath = parsed.GetValue(_csmsRootCertificate),
            ClientCertificatePath = parsed.GetValue(_clientCertificate),
            ClientKeyPath = parsed.GetValue(_clientKey),
        };
        connection.CheckSecurityProfile();
        return connection;
    }
}
