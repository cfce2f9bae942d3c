using System.Diagnostics;
using System.Globalization;
using System.Text;
using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Messages;
using Chargebox.Protocol.Serialization;

namespace Chargebox.Benchmarks;

/// <summary>Measures what the first use of the protocol costs a fresh process: type initialisation of
/// <see cref="OcppActions"/> (schema graph, look-up tables, JSON type information) and the first
/// BootNotification written and its response read. Static initialisation happens once per process, so
/// each sample is a new child process; <c>startup [runs]</c> prints the median, minimum and maximum.</summary>
internal static class StartupProbe
{
    private const string ChildArgument = "startup-child";

    public static bool TryRun(string[] args)
    {
        if (args is [ChildArgument])
        {
            MeasureOnce();
            return true;
        }

        if (args is not ["startup", ..])
        {
            return false;
        }

        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var samples = Enumerable.Range(0, runs).Select(_ => RunChild()).ToList();
        Report("first OcppActions look-up", samples.Select(s => s[0]));
        Report("+ BootNotification schemas", samples.Select(s => s[1]));
        Report("+ BootNotification JSON type information", samples.Select(s => s[2]));
        Report("+ BootNotification CALL written", samples.Select(s => s[3]));
        Report("+ BootNotification response read = first round trip", samples.Select(s => s[4]));
        return true;
    }

    private static void MeasureOnce()
    {
        var clock = Stopwatch.StartNew();
        var found = OcppActions.TryGet("BootNotification", out var action);
        var lookup = clock.Elapsed;
        _ = action!.RequestSchema;
        _ = action.ResponseSchema;
        var schemas = clock.Elapsed;
        _ = action.RequestTypeInfo;
        _ = action.ResponseTypeInfo;
        var typeInfo = clock.Elapsed;

        var request = new BootNotificationRequest
        {
            Reason = BootReasonEnumType.PowerUp,
            ChargingStation = new ChargingStationType { Model = "Bench", VendorName = "Chargebox" },
        };
        using var output = new PooledBufferWriter();
        OcppFrameWriter.WriteCall(output, "1", action.Name, request, (writer, r) => OcppPayloadCodec.Write(writer, r, OcppActions.BootNotification.RequestTypeInfo));
        var written = clock.Elapsed;
        var response = """{"currentTime":"2026-11-25T10:15:00.000Z","interval":300,"status":"Accepted"}"""u8;
        var read = OcppPayloadCodec.TryRead(response, action.ResponseSchema, action.ResponseTypeInfo, out _, out _);
        var boot = clock.Elapsed;

        if (!found || !read || output.WrittenCount == 0)
        {
            throw new InvalidOperationException("The start-up probe's BootNotification failed.");
        }

        Console.WriteLine(string.Join(' ', new[] { lookup, schemas, typeInfo, written, boot }.Select(t => t.TotalMilliseconds.ToString(CultureInfo.InvariantCulture))));
    }

    private static double[] RunChild()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, ChildArgument)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start)!;
        var line = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        return line.Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
    }

    private static void Report(string what, IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"{what}: median {sorted[sorted.Count / 2]:F1} ms, min {sorted[0]:F1} ms, max {sorted[^1]:F1} ms ({sorted.Count} processes)");
        Console.WriteLine(text.ToString());
    }
}
