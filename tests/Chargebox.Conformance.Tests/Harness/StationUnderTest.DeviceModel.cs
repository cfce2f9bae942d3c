using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The OCTT's device-model requests: GetVariables, SetVariables and base reports.</summary>
internal sealed partial class StationUnderTest
{
    public async Task<GetVariableResultType> GetVariableAsync(string component, string variable, AttributeEnumType? type = null, string? instance = null)
    {
        var response = await Connection.CallAsync(
            new GetVariablesRequest { GetVariableData = [new GetVariableDataType { Component = new ComponentType { Name = component }, Variable = new VariableType { Name = variable, Instance = instance }, AttributeType = type }] },
            Timeout);
        return Assert.Single(response.GetVariableResult);
    }

    public async Task<SetVariableResultType> SetVariableAsync(string component, string variable, string value, AttributeEnumType? type = null, string? instance = null)
    {
        var response = await Connection.CallAsync(
            new SetVariablesRequest { SetVariableData = [new SetVariableDataType { Component = new ComponentType { Name = component }, Variable = new VariableType { Name = variable, Instance = instance }, AttributeValue = value, AttributeType = type }] },
            Timeout);
        return Assert.Single(response.SetVariableResult);
    }

    /// <summary>The "Before: Configuration" of a test case: sets a variable and insists it was accepted.</summary>
    public async Task ConfigureAsync(string component, string variable, string value)
    {
        var result = await SetVariableAsync(component, variable, value);
        Assert.Equal(SetVariableStatusEnumType.Accepted, result.AttributeStatus);
    }

    /// <summary>Takes every NotifyReportRequest of one report (until tbc is false), acknowledging each, and
    /// checks the tool validations common to B07: requestId, seqNo from 0 incremented by 1, generatedAt set.</summary>
    public async Task<IReadOnlyList<ReportDataType>> ExpectReportAsync(int requestId)
    {
        var items = new List<ReportDataType>();
        for (var seqNo = 0; ; seqNo++)
        {
            var part = await Connection.ExpectCallAsync<NotifyReportRequest>(Timeout);
            await Connection.ReplyAsync(part, new NotifyReportResponse());
            Assert.Equal(requestId, part.Request.RequestId);
            Assert.Equal(seqNo, part.Request.SeqNo);
            Assert.NotEqual(default, part.Request.GeneratedAt);
            items.AddRange(part.Request.ReportData ?? []);
            if (part.Request.Tbc != true)
            {
                return items;
            }
        }
    }
}
