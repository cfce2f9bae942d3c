using Chargebox.Host.Cli;

namespace Chargebox.Host.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_exits_0_and_prints_the_timeline_of_what_the_CSMS_received()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await ChargeboxCommand.RunAsync(["demo"], TextWriter.Synchronized(output), error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        var timeline = output.ToString();
        Assert.True(code == 0, timeline + error);
        var lines = timeline.Split('\n');
        int Line(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        var boot = Line("CSMS  ← BootNotification (reason PowerUp");
        var available = Line("← StatusNotification (EVSE 1 connector 1: Available)");
        var plug = Line("▶ EV plugged into EVSE 1");
        var occupied = Line("← StatusNotification (EVSE 1 connector 1: Occupied)");
        var unplug = Line("▶ EV unplugged from EVSE 1");
        var availableAgain = Array.FindLastIndex(lines, l => l.Contains("← StatusNotification (EVSE 1 connector 1: Available)", StringComparison.Ordinal));
        Assert.True(boot >= 0 && boot < available && available < plug && plug < occupied && occupied < unplug && unplug < availableAgain, timeline);
        Assert.Contains("Demo complete", timeline, StringComparison.Ordinal);
    }
}
