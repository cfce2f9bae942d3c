using System.Text.Json;
using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Station.DataTransfer;

namespace Chargebox.Conformance.Tests.DataTransfer;

/// <summary>P01 and P02 Data Transfer, and custom data in any message (Part 6, TC_P_01, TC_P_03), plus the
/// extension point through which an integrator serves its own vendorId.</summary>
public sealed class DataTransferTests
{
    private const string VendorId = "com.example.chargebox";

    [Fact]
    public async Task TC_P_01_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1. DataTransfer with vendorId org.openchargealliance.octt and the configured messageId.
        var response = await sut.Connection.CallAsync(
            new DataTransferRequest { VendorId = "org.openchargealliance.octt", MessageId = "TestMessageId" },
            StationUnderTest.Timeout);

        // 2. UnknownVendorId, UnknownMessageId or Rejected; this station says UnknownVendorId (P01.FR.05).
        Assert.Contains(response.Status, new[] { DataTransferStatusEnumType.UnknownVendorId, DataTransferStatusEnumType.UnknownMessageId, DataTransferStatusEnumType.Rejected });
        Assert.Equal(DataTransferStatusEnumType.UnknownVendorId, response.Status);
    }

    [Fact]
    public async Task TC_P_03_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var customData = CustomData();

        // 1-2. SetVariables OCPPCommCtrlr.OfflineThreshold = 200, Actual, with customData at every level: Accepted.
        var set = await sut.Connection.CallAsync(
            new SetVariablesRequest
            {
                CustomData = customData,
                SetVariableData =
                [
                    new SetVariableDataType
                    {
                        CustomData = customData,
                        Component = new ComponentType { Name = "OCPPCommCtrlr", CustomData = customData },
                        Variable = new VariableType { Name = "OfflineThreshold", CustomData = customData },
                        AttributeValue = "200",
                        AttributeType = AttributeEnumType.Actual,
                    },
                ],
            },
            StationUnderTest.Timeout);
        Assert.Equal(SetVariableStatusEnumType.Accepted, Assert.Single(set.SetVariableResult).AttributeStatus);

        // 3-4. GetVariables of it, with customData: Accepted, Actual or omitted, 200.
        var get = await sut.Connection.CallAsync(
            new GetVariablesRequest
            {
                CustomData = customData,
                GetVariableData =
                [
                    new GetVariableDataType
                    {
                        CustomData = customData,
                        Component = new ComponentType { Name = "OCPPCommCtrlr" },
                        Variable = new VariableType { Name = "OfflineThreshold" },
                        AttributeType = AttributeEnumType.Actual,
                    },
                ],
            },
            StationUnderTest.Timeout);
        var result = Assert.Single(get.GetVariableResult);
        Assert.Equal(GetVariableStatusEnumType.Accepted, result.AttributeStatus);
        Assert.True(result.AttributeType is null or AttributeEnumType.Actual);
        Assert.Equal("200", result.AttributeValue);
    }

    [Fact]
    public async Task P01_a_registered_vendor_handler_answers_its_vendorId_case_insensitively()
    {
        var handler = new EchoHandler();
        await using var sut = await StationUnderTest.StartBootedAsync(new StationUnderTestSetup
        {
            Station = options => options with { DataTransferHandlers = new Dictionary<string, IDataTransferHandler> { [VendorId] = handler } },
        });

        var echo = await sut.Connection.CallAsync(
            new DataTransferRequest { VendorId = VendorId.ToUpperInvariant(), MessageId = "Echo", Data = JsonDocument.Parse("{\"n\":7}").RootElement },
            StationUnderTest.Timeout);
        var unknown = await sut.Connection.CallAsync(new DataTransferRequest { VendorId = VendorId, MessageId = "Other" }, StationUnderTest.Timeout);

        Assert.Equal(DataTransferStatusEnumType.Accepted, echo.Status);
        Assert.Equal(7, echo.Data!.Value.GetProperty("n").GetInt32());

        // P01.FR.06: the vendor's handler decides that a messageId is unknown.
        Assert.Equal(DataTransferStatusEnumType.UnknownMessageId, unknown.Status);
    }

    [Fact]
    public async Task P01_a_failing_vendor_handler_is_a_CALLERROR_and_the_station_keeps_serving()
    {
        await using var sut = await StationUnderTest.StartBootedAsync(new StationUnderTestSetup
        {
            Station = options => options with { DataTransferHandlers = new Dictionary<string, IDataTransferHandler> { [VendorId] = new EchoHandler() } },
        });

        var outcome = await sut.Connection.CallAsync("DataTransfer", new { vendorId = VendorId, messageId = "Throw" }, StationUnderTest.Timeout);
        var after = await sut.GetVariableAsync("OCPPCommCtrlr", "OfflineThreshold");

        Assert.Equal("InternalError", outcome.ErrorCode);
        Assert.Equal(GetVariableStatusEnumType.Accepted, after.AttributeStatus);
    }

    [Fact]
    public async Task P02_SendDataTransferAsync_returns_the_CSMS_response()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var sending = sut.Station.SendDataTransferAsync(new DataTransferRequest { VendorId = VendorId, MessageId = "Hello", Data = JsonDocument.Parse("\"hi\"").RootElement }, CancellationToken.None);
        var call = await sut.Connection.ExpectCallAsync<DataTransferRequest>(StationUnderTest.Timeout);
        await sut.Connection.ReplyAsync(call, new DataTransferResponse { Status = DataTransferStatusEnumType.Accepted, Data = JsonDocument.Parse("\"ho\"").RootElement });
        var response = await sending.WaitAsync(StationUnderTest.Timeout);

        Assert.Equal((VendorId, "Hello", "hi"), (call.Request.VendorId, call.Request.MessageId, call.Request.Data?.GetString()));
        Assert.Equal(DataTransferStatusEnumType.Accepted, response.Status);
        Assert.Equal("ho", response.Data?.GetString());
    }

    [Fact]
    public async Task P02_SendDataTransferAsync_fails_before_the_CSMS_accepted_the_station()
    {
        await using var sut = await StationUnderTest.StartAsync();
        var boot = await sut.Connection.ExpectCallAsync<BootNotificationRequest>(StationUnderTest.Timeout);

        // B02.FR.xx: nothing but BootNotification until the CSMS accepted it.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            sut.Station.SendDataTransferAsync(new DataTransferRequest { VendorId = VendorId }, CancellationToken.None).WaitAsync(StationUnderTest.Timeout));

        await sut.Connection.ReplyAsync(boot, new BootNotificationResponse { CurrentTime = sut.Time.GetUtcNow(), Interval = 300, Status = RegistrationStatusEnumType.Accepted });
        await sut.ExpectEveryConnectorReportedAsync();
    }

    private static CustomDataType CustomData() => new()
    {
        VendorId = "org.openchargealliance.octt",
        AdditionalProperties = new Dictionary<string, JsonElement> { ["note"] = JsonDocument.Parse("\"custom data the station ignores\"").RootElement },
    };

    private sealed class EchoHandler : IDataTransferHandler
    {
        public ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, CancellationToken cancellationToken) => request.MessageId switch
        {
            "Echo" => ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatusEnumType.Accepted, Data = request.Data }),
            "Throw" => throw new InvalidOperationException("vendor code failed"),
            _ => ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatusEnumType.UnknownMessageId }),
        };
    }
}
