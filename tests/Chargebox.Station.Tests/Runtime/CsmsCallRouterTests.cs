using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Chargebox.Transport.Rpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chargebox.Station.Tests.Runtime;

public sealed class CsmsCallRouterTests
{
    [Fact]
    public async Task Gate_refuses_an_action_without_handler_with_its_own_error_not_NotSupported()
    {
        // B03.FR.08: a rejected station answers SecurityError to everything, implemented or not.
        var (router, stop) = StartRouter();
        router.Gate = _ => OcppCallOutcome.Error(OcppErrorCode.SecurityError, "rejected");

        var outcome = await router.HandleAsync(OcppActions.GetBaseReport, new GetBaseReportRequest { RequestId = 1, ReportBase = ReportBaseEnumType.FullInventory }, CancellationToken.None);

        Assert.Equal(OcppErrorCode.SecurityError, outcome.ErrorCode);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Action_without_handler_is_NotSupported_when_the_gate_lets_it_through()
    {
        var (router, stop) = StartRouter();
        router.Gate = _ => null;

        var outcome = await router.HandleAsync(OcppActions.GetBaseReport, new GetBaseReportRequest { RequestId = 1, ReportBase = ReportBaseEnumType.FullInventory }, CancellationToken.None);

        Assert.True(outcome.IsError);
        Assert.Equal(OcppErrorCode.NotSupported, outcome.ErrorCode);
        await stop.CancelAsync();
    }

    private static (CsmsCallRouter Router, CancellationTokenSource Stop) StartRouter()
    {
        var inbox = new StationInbox("CS-UNIT", NullLogger.Instance);
        var stop = new CancellationTokenSource();
        _ = Task.Run(() => inbox.RunAsync(stop.Token));
        return (new CsmsCallRouter(inbox), stop);
    }
}
