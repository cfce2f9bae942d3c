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
            Store = new InMemoryStationStore(),
            DeviceModel = _model,
            LoggerFactory = NullLoggerFactory.Instance,
            SecurityEvents = new LoggedSecurityEvents(NullLogger.Instance, _time),
            SecurityLog = new LoggedSecurityEvents(NullLogger.Instance, _time),
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
        _block.Remember(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Blocked });
        Assert.Equal(AuthorizationStatusEnumType.Blocked, await DecideAsync(Card));

        _block.Remember(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted });
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(Card));

        Set("AuthCtrlr", "LocalAuthorizeOffline", "false");
        Set("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "false");
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(Card));
    }

    [Fact]
    public async Task C10_CacheEntryExpiresAfterLifeTimeOrItsOwnExpiry()
    {
        Set("AuthCacheCtrlr", "LifeTime", "100");
        _block.Remember(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted });
        var other = new IdTokenType { IdToken = "CARD-2", Type = IdTokenEnumType.ISO14443 };
        _block.Remember(other, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted, CacheExpiryDateTime = _time.GetUtcNow().AddSeconds(500) });

        _time.Advance(TimeSpan.FromSeconds(101));
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(Card));
        Assert.Equal(AuthorizationStatusEnumType.Accepted, await DecideAsync(other));
        _time.Advance(TimeSpan.FromSeconds(400));
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(other));
    }

    [Fact]
    public async Task C10_CacheDisabled_NothingIsRememberedOrUsed()
    {
        Set("AuthCacheCtrlr", "Enabled", "false");
        _block.Remember(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted });
        Assert.Equal(0, _block.Cache.Count);
        Assert.Equal(AuthorizationStatusEnumType.Unknown, await DecideAsync(Card));
    }

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
