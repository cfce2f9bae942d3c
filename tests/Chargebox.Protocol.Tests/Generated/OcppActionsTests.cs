using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;

namespace Chargebox.Protocol.Tests.Generated;

public sealed class OcppActionsTests
{
    [Fact]
    public void All_64_actions_are_registered_and_cover_the_128_schema_files()
    {
        Assert.Equal(64, OcppActions.All.Count);
        Assert.Equal(128, OfficialSchemas.Names.Count(n => n.EndsWith("Request", StringComparison.Ordinal) || n.EndsWith("Response", StringComparison.Ordinal)));

        var covered = OcppActions.All.SelectMany(a => new[] { a.RequestType.Name, a.ResponseType.Name }).Order(StringComparer.Ordinal);
        Assert.Equal(OfficialSchemas.Names, covered);
    }

    [Fact]
    public void Every_action_pairs_its_own_request_and_response_types_and_schemas()
    {
        Assert.All(OcppActions.All, action =>
        {
            Assert.Equal(action.Name + "Request", action.RequestType.Name);
            Assert.Equal(action.Name + "Response", action.ResponseType.Name);
            Assert.Equal(action.Name + "Request", action.RequestSchema.Definition);
            Assert.Equal(action.Name + "Response", action.ResponseSchema.Definition);
            Assert.Same(OcppJsonContext.Default, action.RequestTypeInfo.OriginatingResolver);
            Assert.True(typeof(IOcppResponse).IsAssignableFrom(action.ResponseType));
            Assert.True(typeof(IOcppRequest<>).MakeGenericType(action.ResponseType).IsAssignableFrom(action.RequestType));
        });
    }

    [Fact]
    public void Direction_table_has_24_station_actions_39_csms_actions_and_DataTransfer_both_ways()
    {
        Assert.Equal(24, OcppActions.All.Count(a => a.Direction == OcppDirection.ChargingStationToCsms));
        Assert.Equal(39, OcppActions.All.Count(a => a.Direction == OcppDirection.CsmsToChargingStation));
        Assert.Same(OcppActions.DataTransfer, Assert.Single(OcppActions.All, a => a.Direction == OcppDirection.Both));
        Assert.Equal(OcppDirection.ChargingStationToCsms, OcppActions.BootNotification.Direction);
        Assert.Equal(OcppDirection.CsmsToChargingStation, OcppActions.GetVariables.Direction);
    }

    [Fact]
    public void TryGet_finds_actions_by_exact_case_sensitive_name()
    {
        Assert.True(OcppActions.TryGet("Heartbeat", out var heartbeat));
        Assert.Same(OcppActions.Heartbeat, heartbeat);
        Assert.True(OcppActions.TryGet("GetVariables".AsSpan(), out var getVariables));
        Assert.Same(OcppActions.GetVariables, getVariables);

        // Part 4: the action name is case-sensitive.
        Assert.False(OcppActions.TryGet("heartbeat", out _));
        Assert.False(OcppActions.TryGet("HeartbeatRequest", out _));
        Assert.False(OcppActions.TryGet("", out _));
    }

    [Fact]
    public void Lookup_by_request_or_response_type_finds_the_action_and_rejects_other_types()
    {
        Assert.Same(OcppActions.BootNotification, OcppActions.ForRequestType(typeof(BootNotificationRequest)));
        Assert.Same(OcppActions.BootNotification, OcppActions.ForResponseType(typeof(BootNotificationResponse)));
        Assert.Throws<ArgumentException>(() => OcppActions.ForRequestType(typeof(BootNotificationResponse)));
        Assert.Throws<ArgumentException>(() => OcppActions.ForResponseType(typeof(string)));
    }

    [Fact]
    public void A_request_knows_its_action_but_the_action_never_reaches_the_wire()
    {
        IOcppRequest request = new HeartbeatRequest();

        Assert.Same(OcppActions.Heartbeat, request.Action);
        Assert.Equal("{}", JsonSerializer.Serialize((HeartbeatRequest)request, OcppJsonContext.Default.HeartbeatRequest));
    }

    [Fact]
    public void Shared_definitions_are_shared_schema_node_instances()
    {
        var bootStation = OcppActions.BootNotification.RequestSchema.PropertiesByName["customData"].Schema;
        var heartbeatCustomData = OcppActions.Heartbeat.RequestSchema.PropertiesByName["customData"].Schema;

        Assert.Same(bootStation, heartbeatCustomData);
        Assert.True(heartbeatCustomData.AdditionalProperties);
        Assert.False(OcppActions.Heartbeat.RequestSchema.AdditionalProperties);
    }
}
