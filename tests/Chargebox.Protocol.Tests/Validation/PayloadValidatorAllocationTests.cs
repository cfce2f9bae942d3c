using System.Text;
using Chargebox.Protocol.Validation;

namespace Chargebox.Protocol.Tests.Validation;

public sealed class PayloadValidatorAllocationTests
{
    // Escapes, long escaped strings, date-times with offsets, enumerations, numbers in every notation,
    // nulls and customData extras: every branch of the success path.
    private static readonly byte[] RichMeterValues = Encoding.UTF8.GetBytes($$"""
        {"customData":{"vendorId":"com.example","extra":[1,{"a":null}]},"evseId":1.0,"meterValue":[
          {"timestamp":"2024-05-06T10:00:00.1234567+00:00","sampledValue":[{"value":1.5e3,"measurand":"Volt\u0061ge"},{"value":-2}]},
          {"timestamp":"2024-05-06t12:00:00+02:00","customData":null,"sampledValue":[{"value":0,"measurand":"SoC"}]}]}
        """);

    private static readonly byte[] RichBoot = Encoding.UTF8.GetBytes($$"""
        {"chargingStation":{"model":"Caf\u00e9","vendorName":"{{string.Concat(Enumerable.Repeat("\\u0041", 50))}}",
         "serialNumber":"\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac"},
         "reason":"PowerUp"}
        """);

    [Fact]
    public void Validating_a_conforming_payload_allocates_nothing()
    {
        Assert.Null(PayloadValidator.Validate(RichMeterValues, TestSchemas.MeterValuesRequest));
        Assert.Null(PayloadValidator.Validate(RichBoot, TestSchemas.BootNotificationRequest));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            PayloadValidator.Validate(RichMeterValues, TestSchemas.MeterValuesRequest);
            PayloadValidator.Validate(RichBoot, TestSchemas.BootNotificationRequest);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
