using Chargebox.Transport.WebSockets;

namespace Chargebox.Host.Cli;

/// <summary>The options of <c>chargebox run</c> (docs/cli.md), checked before anything starts so that every
/// mistake is one line naming the option.</summary>
internal sealed record RunOptions
{
    /// <summary>Part 4, 4.1.1: the identity is an identifierString of at most 48 characters and the Basic
    /// authentication user name, so no ':'; it is also a URL path segment.</summary>
    private const int MaxIdentityLength = 48;

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--csms", "--id", "--profile", "--data-dir", "--control-port", "--security-profile", "--password",
        "--csms-root-cert", "--client-cert", "--client-key",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--verbose" };

    public required Uri CsmsUrl { get; init; }

    public required string Identity { get; init; }

    public string? ProfilePath { get; init; }

    public required string DataDirectory { get; init; }

    public int? ControlPort { get; init; }

    public OcppSecurityProfile SecurityProfile { get; init; } = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication;

    public string? Password { get; init; }

    public string? CsmsRootCertificatePath { get; init; }

    public string? ClientCertificatePath { get; init; }

    public string? ClientKeyPath { get; init; }

    public bool Verbose { get; init; }

    /// <exception cref="UsageException">An option is missing, unknown or wrong.</exception>
    public static RunOptions Parse(IReadOnlyList<string> arguments)
    {
        var reader = new ArgumentReader(arguments, ValueOptions, Flags);
        var url = ParseUrl(reader.Required("--csms"));
        var identity = reader.Required("--id");
        if (identity.Length > MaxIdentityLength || identity.Any(c => c is ':' or '/' or '?' or '#' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new UsageException($"option --id: '{identity}' is not a station identity; use at most {MaxIdentityLength} characters without ':', '/', '?', '#' or spaces");
        }

        var profile = (OcppSecurityProfile)(reader.Integer("--security-profile", 1, 3) ?? 1);
        var options = new RunOptions
        {
            CsmsUrl = url,
            Identity = identity,
            ProfilePath = reader.Value("--profile"),
            DataDirectory = reader.Value("--data-dir") ?? Path.Combine("chargebox-data", identity),
            ControlPort = reader.Integer("--control-port", 0, 65535),
            SecurityProfile = profile,
            Password = reader.Value("--password"),
            CsmsRootCertificatePath = reader.Value("--csms-root-cert"),
            ClientCertificatePath = reader.Value("--client-cert"),
            ClientKeyPath = reader.Value("--client-key"),
            Verbose = reader.Has("--verbose"),
        };
        options.CheckSecurityProfile();
        return options;
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != "ws" && url.Scheme != "wss"))
        {
            throw new UsageException($"option --csms: '{text}' is not a ws:// or wss:// URL");
        }

        return url;
    }

    private void CheckSecurityProfile()
    {
        var tls = SecurityProfile != OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication;
        var number = (int)SecurityProfile;
        if (!tls && CsmsUrl.Scheme != "ws")
        {
            throw new UsageException($"option --csms: security profile 1 needs a ws:// URL; use --security-profile 2 or 3 for wss://");
        }

        if (tls && CsmsUrl.Scheme != "wss")
        {
            throw new UsageException($"option --csms: security profile {number} needs a wss:// URL");
        }

        if (tls && CsmsRootCertificatePath is null)
        {
            throw new UsageException($"security profile {number} needs --csms-root-cert FILE (PEM) to trust the CSMS's certificate");
        }

        if (SecurityProfile == OcppSecurityProfile.TlsWithBasicAuthentication && string.IsNullOrEmpty(Password))
        {
            throw new UsageException("security profile 2 needs --password");
        }

        if (SecurityProfile == OcppSecurityProfile.TlsWithClientSideCertificates && (ClientCertificatePath is null || ClientKeyPath is null))
        {
            throw new UsageException("security profile 3 needs --client-cert FILE and --client-key FILE (PEM)");
        }

        if (SecurityProfile != OcppSecurityProfile.TlsWithClientSideCertificates && (ClientCertificatePath is not null || ClientKeyPath is not null))
        {
            throw new UsageException("--client-cert and --client-key are for security profile 3 only");
        }

        if (!tls && CsmsRootCertificatePath is not null)
        {
            throw new UsageException("--csms-root-cert is for security profiles 2 and 3 (wss://) only");
        }
    }
}
