using System.Text.Json;
using Chargebox.Testing.Csms;
using Chargebox.Testing.Schemas;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The post-test check every test case gets: each CALL the station sent, and each CALLRESULT it gave,
/// is valid against the official OCPP 2.0.1 schema of its action.</summary>
internal static class SentMessages
{
    public static async Task AssertSchemaValidAsync(IEnumerable<TestStationConnection> connections)
    {
        foreach (var connection in connections)
        {
            var frames = connection.Frames;
            var csmsCalls = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var frame in frames.Where(f => f.Direction == FrameDirection.ToStation))
            {
                using var sent = JsonDocument.Parse(frame.Text);
                if (sent.RootElement[0].GetInt32() == 2)
                {
                    csmsCalls[sent.RootElement[1].GetString()!] = sent.RootElement[2].GetString()!;
                }
            }

            foreach (var frame in frames.Where(f => f.Direction == FrameDirection.FromStation && !f.IsBinary))
            {
                using var message = JsonDocument.Parse(frame.Text);
                var root = message.RootElement;
                switch (root[0].GetInt32())
                {
                    case 2:
                        await OcppSchemaCheck.AssertRequestValidAsync(root[2].GetString()!, root[3].GetRawText());
                        break;
                    case 3 when csmsCalls.TryGetValue(root[1].GetString()!, out var action):
                        await OcppSchemaCheck.AssertResponseValidAsync(action, root[2].GetRawText());
                        break;
                }
            }
        }
    }
}
