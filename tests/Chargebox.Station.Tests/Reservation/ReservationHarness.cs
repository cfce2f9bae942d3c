using Chargebox.Protocol.Messages;
using Chargebox.Simulator;
using Chargebox.Station.Hardware;
using Chargebox.Station.Profiles;
using Chargebox.Storage;
using Chargebox.Testing.Csms;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Reservation;

/// <summary>A station with two AC EVSEs (one cType2 socket each, EVSE 2 also a cType1 cable), reservations on or off,
/// on simulated hardware and an in-memory store over a real WebSocket to the test CSMS; booted, every connector
/// reported. Station, simulator and CSMS share one fake clock.</summary>
internal sealed class ReservationHarness : SimulatedStationHarness
{
    public const string Identity = "CB-RES-1";

    public static readonly IdTokenType Card1 = new() { IdToken = "04A1000001", Type = IdTokenEnumType.ISO14443 };

    public static readonly IdTokenType Card2 = new() { IdToken = "04A1000002", Type = IdTokenEnumType.ISO14443 };

    private ReservationHarness(StationProfile profile, FakeTimeProvider time, TestCsms csms, SimulatedCharger charger)
        : base(Identity, profile, time, csms, charger)
    {
    }

    public static async Task<ReservationHarness> StartAsync(bool reservation = true)
    {
        var time = NewClock();
        // Every StatusNotification is taken by the test: none is answered behind its back.
        var replies = AutoReplies.CreateDefaults();
        replies.Remove("StatusNotification");
        var csms = await TestCsms.StartAsync(new TestCsmsOptions { TimeProvider = time, AutoReplies = replies });
        var profile = new StationProfile
        {
            Reservation = reservation,
            Evses =
            [
                new EvseProfile { Id = 1, Connectors = [new ConnectorProfile { Id = 1, Type = "sType2", FixedCable = false }] },
                new EvseProfile { Id = 2, Connectors = [new ConnectorProfile { Id = 1, Type = "sType2", FixedCable = false }, new ConnectorProfile { Id = 2, Type = "cType1" }] },
            ],
        };
        var charger = new SimulatedCharger(
            new SimulatedChargerOptions
            {
                Evses =
                [
                    new SimulatedEvseOptions { Id = 1, Connectors = [new SimulatedConnectorOptions { Id = 1, HasLock = false }] },
                    new SimulatedEvseOptions { Id = 2, Connectors = [new SimulatedConnectorOptions { Id = 1, HasLock = false }, new SimulatedConnectorOptions { Id = 2, HasLock = false }] },
                ],
            },
            time);
        var harness = new ReservationHarness(profile, time, csms, charger);
        await harness.PowerUpAsync();
        return harness;
    }

    /// <summary>Starts the station (again) over the same store and hardware; returns once every connector was reported.</summary>
    public async Task<IReadOnlyDictionary<(int, int), ConnectorStatusEnumType>> PowerUpAsync()
    {
        await StartStationAsync();
        var reported = new Dictionary<(int, int), ConnectorStatusEnumType>();
        while (reported.Count < 3)
        {
            var status = await ExpectStatusAsync();
            reported[(status.EvseId, status.ConnectorId)] = status.ConnectorStatus;
        }

        return reported;
    }

    public ReserveNowRequest ReserveNow(int id, int? evseId, IdTokenType token, TimeSpan? expiresIn = null, ConnectorEnumType? connectorType = null) => new()
    {
        Id = id,
        EvseId = evseId,
        IdToken = token,
        ConnectorType = connectorType,
        ExpiryDateTime = Time.GetUtcNow() + (expiresIn ?? TimeSpan.FromMinutes(10)),
    };

    public async Task<ReserveNowResponse> ReserveAsync(ReserveNowRequest request) => await Connection.CallAsync(request, Wait);

    public async Task<StatusNotificationRequest> ExpectStatusAsync()
    {
        var call = await Connection.ExpectCallAsync<StatusNotificationRequest>(Wait);
        await Connection.ReplyAsync(call, new StatusNotificationResponse());
        return call.Request;
    }

    /// <summary>Presents a card at an EVSE and answers its Authorize with <paramref name="info"/>.</summary>
    public async Task AuthorizeAsync(IdTokenType card, int evseId, IdTokenInfoType info)
    {
        Charger.PresentToken(card, evseId);
        var authorize = await Connection.ExpectCallAsync<AuthorizeRequest>(Wait);
        Assert.Equal(card.IdToken, authorize.Request.IdToken.IdToken);
        await Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = info });
    }
}
