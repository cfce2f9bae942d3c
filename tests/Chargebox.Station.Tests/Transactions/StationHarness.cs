using Chargebox.Protocol.Messages;
using Chargebox.Station.Profiles;
using Chargebox.Testing.Csms;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Transactions;

/// <summary>The reference station (1 EVSE, fixed cable) on simulated hardware and an in-memory store,
/// connected over a real WebSocket to the test CSMS, booted and reporting Available. The station, the
/// simulator and the CSMS's frame timestamps share one fake clock: timers only move when a test advances it.</summary>
internal sealed class StationHarness : SimulatedStationHarness
{
    public const string Identity = "CB-TX-1";

    public static readonly IdTokenType Card = new() { IdToken = "04A1B2C3D4", Type = IdTokenEnumType.ISO14443 };

    private StationHarness(StationProfile profile, FakeTimeProvider time, TestCsms csms)
        : base(Identity, profile, time, csms, ReferenceCharger(time))
    {
    }

    /// <summary>Starts with the reference profile plus <paramref name="variables"/> (component, variable, value).</summary>
    public static async Task<StationHarness> StartAsync(params (string Component, string Variable, string Value)[] variables)
    {
        var time = NewClock();
        var csms = await TestCsms.StartAsync(new TestCsmsOptions { TimeProvider = time });
        var profile = StationProfile.Reference with
        {
            Variables =
            [
                new VariableOverride { Component = "OCPPCommCtrlr", Variable = "RetryBackOffWaitMinimum", Value = "1" },
                new VariableOverride { Component = "OCPPCommCtrlr", Variable = "RetryBackOffRandomRange", Value = "0" },
                .. variables.Select(v => new VariableOverride { Component = v.Component, Variable = v.Variable, Value = v.Value }),
            ],
        };
        var harness = new StationHarness(profile, time, csms);
        var connection = await harness.StartStationAsync();
        await connection.ExpectFrameAsync(f => f.Direction == FrameDirection.FromStation && f.Text.Contains("\"StatusNotification\"", StringComparison.Ordinal), Wait);
        return harness;
    }

    public async Task<OcppCall<TransactionEventRequest>> ExpectTransactionEventAsync(bool accept = true)
    {
        var call = await Connection.ExpectCallAsync<TransactionEventRequest>(Wait);
        if (accept)
        {
            await Connection.ReplyAsync(call, new TransactionEventResponse());
        }

        return call;
    }

    /// <summary>Presents the card and accepts its Authorize.</summary>
    public async Task AuthorizeCardAsync()
    {
        Charger.PresentToken(Card);
        var authorize = await Connection.ExpectCallAsync<AuthorizeRequest>(Wait);
        Assert.Equal(Card.IdToken, authorize.Request.IdToken.IdToken);
        await Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });
    }

    /// <summary>Moves the fake clock in steps until <paramref name="task"/> completes, giving the station's
    /// loop a moment between steps to act on each one (a timer it starts registers at the right fake time).</summary>
    public async Task<T> AdvanceUntilAsync<T>(Task<T> task, TimeSpan step, int maxSteps = 1000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(15));
            if (!task.IsCompleted)
            {
                Time.Advance(step);
            }
        }

        return await task.WaitAsync(Wait);
    }

    /// <summary>Waits until the station has acted on the CSMS's last answer: a CSMS CALL read after that answer
    /// is served on the loop after it (twice, since the answer reaches the loop through a continuation).</summary>
    public async Task SettleAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            await Connection.CallAsync(
                new GetVariablesRequest { GetVariableData = [new GetVariableDataType { Component = new ComponentType { Name = "TxCtrlr" }, Variable = new VariableType { Name = "EVConnectionTimeOut" } }] },
                Wait);
        }
    }

    /// <summary>Drops the connection and waits until the station knows it is offline.</summary>
    public async Task GoOfflineAsync()
    {
        await Connection.AbortAsync();
        for (var i = 0; i < 200 && (await StatusAsync()).Connected; i++)
        {
            await Task.Delay(10);
        }

        Assert.False((await StatusAsync()).Connected);
    }

    /// <summary>Lets the station reconnect (its back-off runs on the fake clock) and returns the new connection.</summary>
    public async Task<TestStationConnection> ReconnectAsync()
    {
        Connection = await AdvanceUntilAsync(Csms.WaitForConnectionAsync(Identity, Wait), TimeSpan.FromSeconds(1));
        return Connection;
    }

    /// <summary>A power cut: the station stops without warning and starts again over the same store and
    /// hardware (the hardware keeps its state, as a charger's does when its controller restarts).</summary>
    public async Task<TestStationConnection> PowerCycleAsync()
    {
        await PowerCutAsync();
        return await StartStationAsync();
    }
}
