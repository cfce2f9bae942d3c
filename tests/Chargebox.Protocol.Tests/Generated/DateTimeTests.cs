using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;

namespace Chargebox.Protocol.Tests.Generated;

public sealed class DateTimeTests
{
    private static readonly DateTimeOffset TenOClockUtc = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-25T10:00:00.1234567+00:00", 1_234_567)]
    [InlineData("2026-11-25T10:00:00.1234567Z", 1_234_567)]
    [InlineData("2026-11-25T12:00:00.123+02:00", 1_230_000)]
    [InlineData("2026-11-25T10:00:00Z", 0)]
    [InlineData("2026-11-25T10:00:00.5z", 5_000_000)]
    public void Timestamps_in_any_RFC_3339_form_are_read_as_UTC(string text, long fractionTicks)
    {
        var response = JsonSerializer.Deserialize($$"""{"currentTime":"{{text}}"}""", OcppJsonContext.Default.HeartbeatResponse)!;

        Assert.Equal(TimeSpan.Zero, response.CurrentTime.Offset);
        Assert.Equal(TenOClockUtc.AddTicks(fractionTicks), response.CurrentTime);
    }

    [Fact]
    public void Timestamps_are_written_as_UTC_with_milliseconds()
    {
        var response = new HeartbeatResponse { CurrentTime = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_239_999) };

        var json = JsonSerializer.Serialize(response, OcppJsonContext.Default.HeartbeatResponse);

        Assert.Equal("""{"currentTime":"2026-11-25T10:00:00.123Z"}""", json);
    }

    [Fact]
    public void Optional_timestamps_are_read_written_and_omitted_when_absent()
    {
        var status = new StatusNotificationRequest
        {
            Timestamp = TenOClockUtc,
            ConnectorStatus = ConnectorStatusEnumType.Available,
            EvseId = 1,
            ConnectorId = 1,
        };
        var withOptional = JsonSerializer.Deserialize("""{"idTokenInfo":{"status":"Accepted","cacheExpiryDateTime":"2026-11-25T11:00:00+01:00"}}""", OcppJsonContext.Default.AuthorizeResponse)!;

        Assert.Equal(TenOClockUtc, withOptional.IdTokenInfo.CacheExpiryDateTime);
        Assert.Contains("\"cacheExpiryDateTime\":\"2026-11-25T10:00:00.000Z\"", JsonSerializer.Serialize(withOptional, OcppJsonContext.Default.AuthorizeResponse));
        Assert.Contains("\"timestamp\":\"2026-11-25T10:00:00.000Z\"", JsonSerializer.Serialize(status, OcppJsonContext.Default.StatusNotificationRequest));
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2026-11-25\"")]
    [InlineData("12345")]
    public void Text_that_is_not_a_date_time_is_a_json_error(string value)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize($$"""{"currentTime":{{value}}}""", OcppJsonContext.Default.HeartbeatResponse));
    }

    [Fact]
    public void An_escaped_timestamp_is_read_too()
    {
        var response = JsonSerializer.Deserialize("""{"currentTime":"2026-11-25T10:00:00\u002E000Z"}""", OcppJsonContext.Default.HeartbeatResponse)!;

        Assert.Equal(TenOClockUtc, response.CurrentTime);
    }
}
