using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Chargebox.Storage;
using Chargebox.Testing.Csms;
using Chargebox.Testing.Pki;
using Chargebox.Transport;
using Chargebox.Transport.WebSockets;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>Functional block A: the station over TLS (security profiles 2 and 3) with a test PKI, other CSMS
/// servers the OCTT starts for other profiles, and the SecurityEventNotifications the station sends.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>The reconnection back-off of the block A cases: fixed (no random part, no doubling) so a test
    /// can move fake time by exactly one back-off.</summary>
    public static readonly TimeSpan SecurityBackOff = TimeSpan.FromSeconds(13);

    /// <summary>The test case's &lt;Configured basicAuthPassword&gt;.</summary>
    public static string ConfiguredPassword => Password;

    /// <summary>The station and CSMS for security profile 2 (TLS, Basic) or 3 (TLS, client certificate): the
    /// CSMS on a server certificate of <paramref name="pki"/>, the station trusting its root and holding a
    /// station certificate from it (CN = identity); the fixed <see cref="SecurityBackOff"/>. A
    /// <paramref name="diversion"/> lets the OCTT present another server to some attempts.</summary>
    public static StationUnderTestSetup SecurityProfile(TestPki pki, int profile, CsmsDiversion? diversion = null) => new()
    {
        Csms = options => profile == 1 ? options : TlsCsms(pki, profile, options),
        Station = options => options with
        {
            SecurityProfile = (OcppSecurityProfile)profile,
            CsmsRootCertificates = pki.RootCertificates,
            ClientCertificate = pki.IssueStationCertificate(Identity),
            Profile = WithFixedBackOff(options.Profile),
            Connector = diversion ?? options.Connector,
        },
    };

    /// <summary>A TLS CSMS of <paramref name="pki"/> for profile 2 or 3, otherwise like <paramref name="options"/>.</summary>
    public static TestCsmsOptions TlsCsms(TestPki pki, int profile, TestCsmsOptions options) => options with
    {
        ServerCertificate = pki.IssueServerCertificate(),
        ClientCertificateMode = profile == 3 ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.NoCertificate,

        // The station sends its certificate without the sub-CA, so the CSMS trusts that too.
        ClientCertificateRoots = [.. pki.RootCertificates, X509CertificateLoader.LoadCertificate(pki.StationCa.RawData)],
        BasicAuthPassword = profile == 3 ? null : options.BasicAuthPassword,
    };

    /// <summary>Another CSMS server the OCTT starts (another security profile, an invalid certificate...),
    /// with the same credentials and automatic answers as the main one.</summary>
    public Task<TestCsms> StartOtherCsmsAsync(Func<TestCsmsOptions, TestCsmsOptions> configure) =>
        TestCsms.StartAsync(configure(new TestCsmsOptions
        {
            BasicAuthPassword = Password,
            TimeProvider = Time,
            AutoReplies = AutoRepliesWithoutBoot(),
        }));

    /// <summary>Starts CSMS and station (power-up) like <see cref="StartAsync"/>, but without waiting for a
    /// connection: for the cases whose first attempts must fail.</summary>
    public static async Task<StationUnderTest> StartWithoutConnectionAsync(StationUnderTestSetup setup)
    {
        var time = new ObservedTime(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var csms = await TestCsms.StartAsync(setup.Csms(new TestCsmsOptions
        {
            BasicAuthPassword = Password,
            TimeProvider = time,
            AutoReplies = AutoRepliesWithoutBoot(),
        }));
        var sut = new StationUnderTest(csms, time, new InMemoryStationStore(), setup);
        sut.FirstBackOffArmed = time.NextTimer(SecurityBackOff);
        await sut.PowerUpAsync(BootReasonEnumType.PowerUp);
        return sut;
    }

    /// <summary>After <see cref="StartWithoutConnectionAsync"/>: completes when the station, its first attempt
    /// failed, waits <see cref="SecurityBackOff"/> before the next.</summary>
    public Task FirstBackOffArmed { get; private set; } = Task.CompletedTask;

    /// <summary>"[CS] sends SecurityEventNotificationRequest" of <paramref name="type"/> on the current
    /// connection (acknowledged by the CSMS's automatic answer), earlier ones included.</summary>
    public async Task<SecurityEventNotificationRequest> ExpectSecurityEventAsync(string type)
    {
        SecurityEventNotificationRequest? found = null;
        await Connection.ExpectFrameAsync(frame => (found = ReadSecurityEvent(frame.Text)) is not null && found.Type == type, Timeout);
        return found!;
    }

    /// <summary>Every SecurityEventNotificationRequest the station sent on the current connection, in order.</summary>
    public IReadOnlyList<SecurityEventNotificationRequest> SecurityEventsSent() =>
        [.. Connection.Frames.Where(f => f.Direction == FrameDirection.FromStation).Select(f => ReadSecurityEvent(f.Text)).OfType<SecurityEventNotificationRequest>()];

    private static SecurityEventNotificationRequest? ReadSecurityEvent(string text)
    {
        using var frame = JsonDocument.Parse(text);
        var root = frame.RootElement;
        return root.GetArrayLength() == 4 && root[0].GetInt32() == 2 && root[2].GetString() == "SecurityEventNotification"
            ? root[3].Deserialize(OcppJsonContext.Default.SecurityEventNotificationRequest)
            : null;
    }

    private static StationProfile WithFixedBackOff(StationProfile profile) => profile with
    {
        Variables =
        [
            .. profile.Variables,
            new VariableOverride { Component = "OCPPCommCtrlr", Variable = "RetryBackOffRandomRange", Value = "0" },
            new VariableOverride { Component = "OCPPCommCtrlr", Variable = "RetryBackOffRepeatTimes", Value = "0" },
            new VariableOverride { Component = "OCPPCommCtrlr", Variable = "RetryBackOffWaitMinimum", Value = ((int)SecurityBackOff.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ],
    };
}

/// <summary>The OCTT presenting another server to the station's connection attempts: while
/// <see cref="Target"/> is set, every attempt goes to that CSMS (same path and identity) instead of the one
/// the station asked for. Records each attempt's failure, if any.</summary>
internal sealed class CsmsDiversion : ICsmsConnector
{
    private readonly WebSocketCsmsConnector _inner = new();
    private readonly Lock _gate = new();
    private readonly List<Exception?> _outcomes = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private volatile Uri? _target;
    private volatile Uri? _unreachable;

    /// <summary>The CSMS that gets the attempts now; null lets them through.</summary>
    public Uri? Target
    {
        get => _target;
        set => _target = value;
    }

    /// <summary>While set, attempts to this CSMS (host and port) fail as if it did not answer.</summary>
    public Uri? Unreachable
    {
        get => _unreachable;
        set => _unreachable = value;
    }

    /// <summary>The failure of each attempt (null: connected), oldest first.</summary>
    public IReadOnlyList<Exception?> Outcomes
    {
        get
        {
            lock (_gate)
            {
                return [.. _outcomes];
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> attempts have ended.</summary>
    public Task WhenAttempts(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_outcomes.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, reached));
        }

        return reached.Task;
    }

    public async Task<IOcppChannel> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken)
    {
        if (_target is { } target)
        {
            options = Redirected(options, new UriBuilder(options.CsmsUrl) { Host = target.Host, Port = target.Port }.Uri);
        }

        try
        {
            if (_unreachable is { } down && down.Host == options.CsmsUrl.Host && down.Port == options.CsmsUrl.Port)
            {
                throw new OcppConnectException(OcppConnectFailure.Unreachable, $"The OCTT does not offer {down} now.");
            }

            var channel = await _inner.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
            Record(null);
            return channel;
        }
        catch (Exception ex)
        {
            Record(ex);
            throw;
        }
    }

    private static ConnectionOptions Redirected(ConnectionOptions options, Uri url) => new()
    {
        CsmsUrl = url,
        StationIdentity = options.StationIdentity,
        SecurityProfile = options.SecurityProfile,
        BasicAuthPassword = options.BasicAuthPassword,
        CsmsRootCertificates = options.CsmsRootCertificates,
        UseSystemTrustStore = options.UseSystemTrustStore,
        ClientCertificate = options.ClientCertificate,
        ClientCertificateChain = options.ClientCertificateChain,
        TlsVersions = options.TlsVersions,
        CipherSuites = options.CipherSuites,
        WebSocketPingInterval = options.WebSocketPingInterval,
        WebSocketPongTimeout = options.WebSocketPongTimeout,
        MaxFrameSize = options.MaxFrameSize,
        Proxy = options.Proxy,
        TimeProvider = options.TimeProvider,
    };

    private void Record(Exception? outcome)
    {
        List<TaskCompletionSource> reached;
        lock (_gate)
        {
            _outcomes.Add(outcome);
            reached = _waiters.Where(w => w.Count <= _outcomes.Count).Select(w => w.Reached).ToList();
            _waiters.RemoveAll(w => w.Count <= _outcomes.Count);
        }

        reached.ForEach(r => r.TrySetResult());
    }
}
