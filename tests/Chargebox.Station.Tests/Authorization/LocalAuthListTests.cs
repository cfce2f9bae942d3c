using Chargebox.Protocol;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Hardware;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Chargebox.Station.Security;
using Chargebox.Station.Storage;
using Chargebox.Station.Tests.DeviceModel;
using Chargebox.Storage;
using Chargebox.Transport.FileTransfer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Authorization;

/// <summary>The Local Authorization List (D01, D02) and how it takes part in the decisions (C13, C14), through
/// the station's router and loop, on the real device model of a station whose profile has the list. The
/// station is offline here unless a test says otherwise.</summary>
public sealed class LocalAuthListTests : IAsyncDisposable
{
    private static readonly IdTokenType Card = new() { IdToken = "CARD-1", Type = IdTokenEnumType.ISO14443 };
    private static readonly IdTokenType Card2 = new() { IdToken = "CARD-2", Type = IdTokenEnumType.ISO14443 };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStationStore _store = new();
    private readonly CancellationTokenSource _stop = new();
    private StationDeviceModel _model = null!;
    private StationInbox _inbox = null!;
    private CsmsCallRouter _router = null!;
    private AuthorizationBlock _block = null!;
    private Task _loop = Task.CompletedTask;

    public LocalAuthListTests() => Start(WithList(entries: 3, itemsPerMessage: 2));

    [Fact]
    public async Task D01_FR_15_FullUpdate_ReplacesTheListAndSetsTheVersion()
    {
        Assert.Equal(SendLocalListStatusEnumType.Accepted, (await SendAsync(UpdateEnumType.Full, 5, Entry(Card, AuthorizationStatusEnumType.Accepted), Entry(Card2, AuthorizationStatusEnumType.Blocked))).Status);
        Assert.Equal(SendLocalListStatusEnumType.Accepted, (await SendAsync(UpdateEnumType.Full, 2, Entry(Card2, AuthorizationStatusEnumType.Accepted))).Status);

        Assert.Equal(2, await VersionAsync());
        Assert.Equal("1", Actual("Entries"));
        Assert.Null(await _block.LocalList.FindAsync(Card, CancellationToken.None));
        Assert.Equal(AuthorizationStatusEnumType.Accepted, (await _block.LocalList.FindAsync(Card2, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task D01_FR_04_FullUpdateWithoutEntries_EmptiesTheList()
    {
        await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.Accepted, (await SendAsync(UpdateEnumType.Full, 1)).Status);
        Assert.Equal(1, await VersionAsync());
        Assert.Equal("0", Actual("Entries"));
    }

    [Fact]
    public async Task D01_FR_16_FR_17_DifferentialUpdate_AddsUpdatesAndRemoves()
    {
        await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted));

        Assert.Equal(SendLocalListStatusEnumType.Accepted, (await SendAsync(UpdateEnumType.Differential, 2, Entry(Card, AuthorizationStatusEnumType.Blocked), Entry(Card2, AuthorizationStatusEnumType.Accepted))).Status);
        Assert.Equal(AuthorizationStatusEnumType.Blocked, (await _block.LocalList.FindAsync(Card, CancellationToken.None))?.Status);
        Assert.Equal("2", Actual("Entries"));

        Assert.Equal(SendLocalListStatusEnumType.Accepted, (await SendAsync(UpdateEnumType.Differential, 3, new AuthorizationData { IdToken = new IdTokenType { IdToken = "card-1", Type = IdTokenEnumType.ISO14443 } })).Status);
        Assert.Null(await _block.LocalList.FindAsync(Card, CancellationToken.None));
        Assert.Equal("1", Actual("Entries"));
        Assert.Equal(3, await VersionAsync());
    }

    [Fact]
    public async Task D01_FR_05_DifferentialUpdateWithoutEntries_OnlyChangesTheVersion()
    {
        await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.Accepted, (await SendAsync(UpdateEnumType.Differential, 4)).Status);
        Assert.Equal(4, await VersionAsync());
        Assert.Equal("1", Actual("Entries"));
    }

    [Fact]
    public async Task D01_FR_19_DifferentialWithAVersionNotAboveTheInstalledOne_VersionMismatchAndNoChange()
    {
        await SendAsync(UpdateEnumType.Full, 5, Entry(Card, AuthorizationStatusEnumType.Accepted));

        Assert.Equal(SendLocalListStatusEnumType.VersionMismatch, (await SendAsync(UpdateEnumType.Differential, 5, Entry(Card2, AuthorizationStatusEnumType.Accepted))).Status);
        Assert.Equal(SendLocalListStatusEnumType.VersionMismatch, (await SendAsync(UpdateEnumType.Differential, 4, Entry(Card2, AuthorizationStatusEnumType.Accepted))).Status);
        Assert.Equal(5, await VersionAsync());
        Assert.Null(await _block.LocalList.FindAsync(Card2, CancellationToken.None));
    }

    [Fact]
    public async Task D01_FR_18_VersionNumberZero_Failed()
    {
        var response = await SendAsync(UpdateEnumType.Full, 0, Entry(Card, AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.Failed, response.Status);
        Assert.Equal("ValuePositiveOnly", response.StatusInfo?.ReasonCode);
        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task D01_FR_12_MoreTokensThanEntriesAllows_FailedAndNoChange()
    {
        await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted), Entry(Card2, AuthorizationStatusEnumType.Accepted));

        var response = await SendAsync(UpdateEnumType.Differential, 2, Entry(Token("CARD-3"), AuthorizationStatusEnumType.Accepted), Entry(Token("CARD-4"), AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.Failed, response.Status);
        Assert.Equal("OutOfStorage", response.StatusInfo?.ReasonCode);
        Assert.Equal(1, await VersionAsync());

        // Replacing an entry and adding one stays within the 3 entries.
        Assert.Equal(SendLocalListStatusEnumType.Accepted, (await SendAsync(UpdateEnumType.Differential, 2, Entry(Card, AuthorizationStatusEnumType.Blocked), Entry(Token("CARD-3"), AuthorizationStatusEnumType.Accepted))).Status);
        Assert.Equal("3", Actual("Entries"));
    }

    [Fact]
    public async Task ItemsPerMessage_MoreEntriesInOneRequest_FailedTooManyElements()
    {
        var response = await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted), Entry(Card2, AuthorizationStatusEnumType.Accepted), Entry(Token("CARD-3"), AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.Failed, response.Status);
        Assert.Equal("TooManyElements", response.StatusInfo?.ReasonCode);
        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task BytesPerMessage_LargerRequest_FailedTooLargeElement()
    {
        await RestartAsync(WithList(entries: 10, itemsPerMessage: 10, bytesPerMessage: 256));
        var tokens = Enumerable.Range(1, 5).Select(i => Entry(Token($"A-LONG-CARD-NUMBER-{i:D20}"), AuthorizationStatusEnumType.Accepted)).ToArray();

        var response = await SendAsync(UpdateEnumType.Full, 1, tokens);
        Assert.Equal(SendLocalListStatusEnumType.Failed, response.Status);
        Assert.Equal("TooLargeElement", response.StatusInfo?.ReasonCode);
    }

    [Fact]
    public async Task D01_FR_06_DuplicateTokens_Failed()
    {
        var response = await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted), Entry(new IdTokenType { IdToken = "card-1", Type = IdTokenEnumType.ISO14443 }, AuthorizationStatusEnumType.Blocked));
        Assert.Equal(SendLocalListStatusEnumType.Failed, response.Status);
        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task FullUpdateWithAnEntryWithoutIdTokenInfo_Failed()
    {
        var response = await SendAsync(UpdateEnumType.Full, 1, new AuthorizationData { IdToken = Card });
        Assert.Equal(SendLocalListStatusEnumType.Failed, response.Status);
        Assert.Equal("MissingParam", response.StatusInfo?.ReasonCode);
    }

    [Fact]
    public async Task D02_FR_03_Disabled_VersionZeroAndUpdatesFail_ButTheListIsKept()
    {
        await SendAsync(UpdateEnumType.Full, 7, Entry(Card, AuthorizationStatusEnumType.Accepted));
        Set("LocalAuthListCtrlr", "Enabled", "false");

        Assert.Equal(0, await VersionAsync());
        Assert.Equal(SendLocalListStatusEnumType.Failed, (await SendAsync(UpdateEnumType.Full, 8, Entry(Card2, AuthorizationStatusEnumType.Accepted))).Status);

        Set("LocalAuthListCtrlr", "Enabled", "true");
        Assert.Equal(7, await VersionAsync());
    }

    [Fact]
    public async Task ReferenceStation_HasNoList_VersionZeroAndSendLocalListFailed()
    {
        await RestartAsync(StationProfile.Reference);
        Assert.Equal("false", Actual("Available"));
        Assert.Equal(0, await VersionAsync());
        var response = await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.Failed, response.Status);
        Assert.Equal("UnsupportedRequest", response.StatusInfo?.ReasonCode);
    }

    [Fact]
    public async Task D01_FR_10_TheListSurvivesARestartThroughTheStore()
    {
        await SendAsync(UpdateEnumType.Full, 9, Entry(Card, AuthorizationStatusEnumType.Blocked));
        await RestartAsync(WithList(entries: 3, itemsPerMessage: 2));

        Assert.Equal(9, await VersionAsync());
        Assert.Equal("1", Actual("Entries"));
        Assert.Equal(AuthorizationStatusEnumType.Blocked, (await _block.LocalList.FindAsync(Card, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task C13_FR_01_Offline_TheListComesBeforeTheCache()
    {
        Set("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        await _block.RememberAsync(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, CancellationToken.None);
        await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Invalid), Entry(Card2, AuthorizationStatusEnumType.Accepted));

        // C13.FR.04: a listed token is not unknown, so OfflineTxForUnknownIdEnabled does not let it charge.
        Assert.Equal(AuthorizationStatusEnumType.Invalid, await DecideAsync(Card));
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(Card2));
    }

    [Fact]
    public async Task C13_LocalAuthorizeOfflineFalse_TheListIsNotUsedOffline()
    {
        await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted));
        Set("AuthCtrlr", "LocalAuthorizeOffline", "false");
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(Card));
    }

    [Fact]
    public async Task DisabledList_IsNotConsulted()
    {
        await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted));
        Set("LocalAuthListCtrlr", "Enabled", "false");
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(Card));
    }

    [Fact]
    public async Task ListedTokens_AreNeverCached_AndAnswersOfTheCsmsDoNotChangeTheList()
    {
        await SendAsync(UpdateEnumType.Full, 1, Entry(Card, AuthorizationStatusEnumType.Accepted));

        await _block.RememberAsync(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Blocked }, CancellationToken.None);

        Assert.Equal(0, _block.Cache.Count);
        Assert.Equal(AuthorizationStatusEnumType.Accepted, (await _block.LocalList.FindAsync(Card, CancellationToken.None))?.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private static StationProfile WithList(int entries, int itemsPerMessage, int bytesPerMessage = 65536)
    {
        var profile = StationProfile.Reference;
        profile.LocalAuthList = new LocalAuthListProfile { Entries = entries, ItemsPerMessage = itemsPerMessage, BytesPerMessage = bytesPerMessage };
        return profile;
    }

    private void Start(StationProfile profile)
    {
        _model = DeviceModelFactory.Create(profile, new FakeDeviceModelStore(), _time);
        _inbox = new StationInbox("CS-LIST", NullLogger.Instance);
        _router = new CsmsCallRouter(_inbox);
        var services = new StationServices
        {
            StationId = "CS-LIST",
            Inbox = _inbox,
            Clock = new StationClock(_time),
            Link = new CsmsLink(_inbox, CancellationToken.None),
            Router = _router,
            Hardware = new StationHardware { Evses = [], Power = new NoPower() },
            Store = _store,
            DeviceModel = _model,
            LoggerFactory = NullLoggerFactory.Instance,
            SecurityEvents = new InMemorySecurityEvents(_time),
            SecurityLog = new InMemorySecurityEvents(_time),
            Certificates = new OptionsCertificates(new ChargingStationOptions { Identity = "CS-LIST", CsmsUrl = new Uri("ws://localhost/ocpp") }),
            FileTransfer = new CompositeFileTransfer([]),
        };
        _block = new AuthorizationBlock(services);
        _loop = _inbox.RunAsync(_stop.Token);
    }

    private async Task StopAsync()
    {
        _inbox.Complete();
        await _loop;
    }

    private async Task RestartAsync(StationProfile profile)
    {
        await StopAsync();
        Start(profile);
    }

    private async Task<SendLocalListResponse> SendAsync(UpdateEnumType type, int version, params AuthorizationData[] entries)
    {
        var outcome = await _router.HandleAsync(OcppActions.SendLocalList, new SendLocalListRequest { UpdateType = type, VersionNumber = version, LocalAuthorizationList = entries.Length == 0 ? null : entries }, CancellationToken.None);
        return Assert.IsType<SendLocalListResponse>(outcome.Response);
    }

    private async Task<int> VersionAsync()
    {
        var outcome = await _router.HandleAsync(OcppActions.GetLocalListVersion, new GetLocalListVersionRequest(), CancellationToken.None);
        return Assert.IsType<GetLocalListVersionResponse>(outcome.Response).VersionNumber;
    }

    private Task<AuthorizationStatusEnumType> DecideAsync(IdTokenType token) =>
        _inbox.InvokeAsync(async ct =>
        {
            AuthorizationStatusEnumType? decided = null;
            await _block.AuthorizeAsync(token, (info, _) =>
            {
                decided = info.Status;
                return ValueTask.CompletedTask;
            }, ct);
            return Assert.NotNull(decided);
        }, CancellationToken.None);

    private static IdTokenType Token(string idToken) => new() { IdToken = idToken, Type = IdTokenEnumType.ISO14443 };

    private static AuthorizationData Entry(IdTokenType token, AuthorizationStatusEnumType status) =>
        new() { IdToken = token, IdTokenInfo = new IdTokenInfoType { Status = status } };

    private string? Actual(string variable) =>
        _model.Find(LocalAuthListCtrlr.Component, new VariableKey(variable))?.Actual?.Value;

    private void Set(string component, string variable, string value) =>
        _model.UpdateActual(new ComponentKey(component), new VariableKey(variable), value);

    private sealed class NoPower : IStationPower
    {
        public ValueTask RebootAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
