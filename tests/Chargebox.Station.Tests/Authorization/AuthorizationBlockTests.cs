using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Hardware;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Chargebox.Station.Security;
using Chargebox.Transport.FileTransfer;
using Chargebox.Station.Storage;
using Chargebox.Station.Tests.DeviceModel;
using Chargebox.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Authorization;

/// <summary>The decisions the station takes without the CSMS (C01 with authorization off, C10 cache, C15
/// offline rules), on the real device model of the reference station. The station is offline here: the
/// online path (AuthorizeRequest) is covered end to end in the transaction tests.</summary>
public sealed class AuthorizationBlockTests
{
    private static readonly IdTokenType Card = new() { IdToken = "CARD-1", Type = IdTokenEnumType.ISO14443 };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly StationDeviceModel _model;
    private readonly AuthorizationBlock _block;
    private readonly InMemoryStationStore _store = new();

    public AuthorizationBlockTests()
    {
        _model = DeviceModelFactory.Create(StationProfile.Reference, new FakeDeviceModelStore(), _time);
        var inbox = new StationInbox("CS-AUTH", NullLogger.Instance);
        var services = new StationServices
        {
            StationId = "CS-AUTH",
            Inbox = inbox,
            Clock = new StationClock(_time),
            Link = new CsmsLink(inbox, CancellationToken.None),
            Router = new CsmsCallRouter(inbox),
            Hardware = new StationHardware { Evses = [], Power = new NoPower() },
            Store = _store,
            DeviceModel = _model,
            LoggerFactory = NullLoggerFactory.Instance,
            SecurityEvents = new InMemorySecurityEvents(_time),
            SecurityLog = new InMemorySecurityEvents(_time),
            Certificates = new OptionsCertificates(new ChargingStationOptions { Identity = "CS-AUTH", CsmsUrl = new Uri("ws://localhost/ocpp") }),
            FileTransfer = new CompositeFileTransfer([]),
        };
        _block = new AuthorizationBlock(services);
    }

    [Fact]
    public async Task C01_AuthorizationDisabled_EveryTokenAccepted()
    {
        Set("AuthCtrlr", "Enabled", "false");
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(Card));
    }

    [Fact]
    public async Task NoAuthorizationToken_AcceptedWithoutAsking() =>
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(new IdTokenType { IdToken = "", Type = IdTokenEnumType.NoAuthorization }));

    [Fact]
    public async Task C15_OfflineUnknownToken_UnknownUnlessOfflineTxForUnknownIdEnabled()
    {
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(Card));
        Set("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(Card));
    }

    [Fact]
    public async Task C15_LocalAuthorizeOffline_UsesTheCachedAnswer()
    {
        Set("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        await _block.RememberAsync(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Blocked }, CancellationToken.None);
        Assert.Equal(AuthorizationStatusEnumType.Blocked, await DecideAsync(Card));

        await _block.RememberAsync(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, CancellationToken.None);
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(Card));

        Set("AuthCtrlr", "LocalAuthorizeOffline", "false");
        Set("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "false");
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(Card));
    }

    [Fact]
    public async Task C10_CacheEntryExpiresLifeTimeAfterItsLastUse()
    {
        Set("AuthCacheCtrlr", "LifeTime", "100");
        await _block.RememberAsync(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, CancellationToken.None);

        // Used after 60 s: the lifetime starts again from that use.
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(Card));
        _time.Advance(TimeSpan.FromSeconds(99));
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(Card));

        _time.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(Card));
        Assert.Equal(0, _block.Cache.Count);
    }

    [Fact]
    public async Task C10_AcceptedEntryPastItsCacheExpiryDateTime_ReadsExpired()
    {
        Set("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        await _block.RememberAsync(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted, CacheExpiryDateTime = _time.GetUtcNow().AddSeconds(500) }, CancellationToken.None);
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(Card));

        _time.Advance(TimeSpan.FromSeconds(500));
        Assert.Equal(AuthorizationStatusEnumType.Expired, await DecideAsync(Card));
    }

    [Fact]
    public async Task C10_FR_02_CacheSurvivesARebootThroughTheStore()
    {
        await _block.RememberAsync(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Blocked }, CancellationToken.None);

        var rebooted = new AuthorizationCache(_store.AuthorizationCache);
        var found = await rebooted.FindAsync(Card, _time.GetUtcNow(), TimeSpan.FromDays(1), CancellationToken.None);
        Assert.Equal(AuthorizationStatusEnumType.Blocked, found?.Status);
    }

    [Fact]
    public async Task AuthCacheStorage_ReportsTheBytesTheCacheTakes()
    {
        Assert.Equal("0", Actual("AuthCacheCtrlr", "Storage"));
        await _block.RememberAsync(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, CancellationToken.None);
        Assert.Equal(_block.Cache.SizeInBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), Actual("AuthCacheCtrlr", "Storage"));
        Assert.True(_block.Cache.SizeInBytes > 0);
    }

    [Fact]
    public void C16_MasterPass_IsAGroupEqualToMasterPassGroupId()
    {
        var info = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted, GroupIdToken = new IdTokenType { IdToken = "MASTER", Type = IdTokenEnumType.Central } };
        Assert.False(_block.IsMasterPass(info));
        Set("AuthCtrlr", "MasterPassGroupId", "master");
        Assert.True(_block.IsMasterPass(info));
        Assert.False(_block.IsMasterPass(new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }));
    }

    [Fact]
    public async Task C10_CacheDisabled_NothingIsRememberedOrUsed()
    {
        Set("AuthCacheCtrlr", "Enabled", "false");
        await _block.RememberAsync(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, CancellationToken.None);
        Assert.Equal(0, _block.Cache.Count);
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(Card));
    }

    private string? Actual(string component, string variable) =>
        _model.Find(new ComponentKey(component), new VariableKey(variable))?.Actual?.Value;

    private void Set(string component, string variable, string value) =>
        _model.UpdateActual(new ComponentKey(component), new VariableKey(variable), value);

    private async Task<AuthorizationStatusEnumType> DecideAsync(IdTokenType token)
    {
        AuthorizationStatusEnumType? decided = null;
        await _block.AuthorizeAsync(token, (info, _) =>
        {
            decided = info.Status;
            return ValueTask.CompletedTask;
        }, CancellationToken.None);
        return Assert.NotNull(decided);
    }

    private sealed class NoPower : IStationPower
    {
        public ValueTask RebootAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
