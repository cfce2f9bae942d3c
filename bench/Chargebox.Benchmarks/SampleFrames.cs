using System.Text;

namespace Chargebox.Benchmarks;

/// <summary>Realistic OCPP-J frames for the protocol benchmarks, built once.</summary>
internal static class SampleFrames
{
    // Declared first: the frames below are built from it during type initialisation.
    private static readonly string[] Variables =
    [
        "HeartbeatInterval", "MessageTimeout", "RetryBackOffWaitMinimum", "RetryBackOffRandomRange", "RetryBackOffRepeatTimes",
        "WebSocketPingInterval", "OfflineThreshold", "NetworkProfileConnectionAttempts", "MessageAttemptsTransactionEvent",
        "MessageAttemptIntervalTransactionEvent", "UnlockOnEVSideDisconnect", "ResetRetries", "FileTransferProtocols",
        "NetworkConfigurationPriority", "QueueAllMessages",
    ];

    /// <summary>A TransactionEvent Updated with one meter value of four sampled values, as the reference
    /// station sends during a transaction (C-40 measurands), in a CALL frame.</summary>
    public static readonly byte[] TransactionEvent = Encoding.UTF8.GetBytes("""
        [2,"4f0b2c1e-9d1a-4c3b-8f7e-2a1b3c4d5e6f","TransactionEvent",{
          "eventType":"Updated","timestamp":"2026-11-25T10:15:00.000Z","triggerReason":"MeterValuePeriodic",
          "seqNo":7,"offline":false,"numberOfPhasesUsed":1,"cableMaxCurrent":32,
          "transactionInfo":{"transactionId":"b1f6a7de-61c2-4a9e-9d5e-0c6c4b8e2f10","chargingState":"Charging","timeSpentCharging":900},
          "evse":{"id":1,"connectorId":1},
          "idToken":{"idToken":"04A2B3C4D5E6F7","type":"ISO14443"},
          "meterValue":[{"timestamp":"2026-11-25T10:15:00.000Z","sampledValue":[
            {"value":5234.5,"context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","location":"Outlet","unitOfMeasure":{"unit":"Wh"}},
            {"value":229.8,"context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N","location":"Outlet","unitOfMeasure":{"unit":"V"}},
            {"value":31.7,"context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","location":"Outlet","unitOfMeasure":{"unit":"A"}},
            {"value":7284.7,"context":"Sample.Periodic","measurand":"Power.Active.Import","location":"Outlet","unitOfMeasure":{"unit":"W"}}
          ]}]
        }]
        """);

    /// <summary>A GetVariables CALL with 30 items (ItemsPerMessageGetVariables of the reference station).</summary>
    public static readonly byte[] GetVariables30 = Encoding.UTF8.GetBytes(BuildGetVariables(30));

    /// <summary>A NotifyReport CALL with 30 report items (ItemsPerMessageGetReport).</summary>
    public static readonly byte[] NotifyReport30 = Encoding.UTF8.GetBytes(BuildNotifyReport(30));

    /// <summary>A sample frame by the name of its field, for parameterised benchmarks.</summary>
    public static byte[] ByName(string name) => name switch
    {
        nameof(TransactionEvent) => TransactionEvent,
        nameof(GetVariables30) => GetVariables30,
        nameof(NotifyReport30) => NotifyReport30,
        _ => throw new ArgumentException($"No sample frame {name}.", nameof(name)),
    };

    private static string BuildGetVariables(int items)
    {
        var sb = new StringBuilder("[2,\"c0ffee00-0000-4000-8000-000000000001\",\"GetVariables\",{\"getVariableData\":[");
        for (var i = 0; i < items; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append("{\"attributeType\":\"Actual\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"")
              .Append(Variables[i % Variables.Length]).Append("\"}}");
        }

        return sb.Append("]}]").ToString();
    }

    private static string BuildNotifyReport(int items)
    {
        var sb = new StringBuilder("[2,\"c0ffee00-0000-4000-8000-000000000002\",\"NotifyReport\",{\"requestId\":42,\"generatedAt\":\"2026-11-25T10:15:00.000Z\",\"tbc\":true,\"seqNo\":0,\"reportData\":[");
        for (var i = 0; i < items; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append("{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"").Append(Variables[i % Variables.Length])
              .Append("\"},\"variableAttribute\":[{\"type\":\"Actual\",\"value\":\"").Append(30 + i)
              .Append("\",\"mutability\":\"ReadWrite\",\"persistent\":true,\"constant\":false}],")
              .Append("\"variableCharacteristics\":{\"unit\":\"s\",\"dataType\":\"integer\",\"minLimit\":0,\"maxLimit\":86400,\"supportsMonitoring\":false}}");
        }

        return sb.Append("]}]").ToString();
    }
}
