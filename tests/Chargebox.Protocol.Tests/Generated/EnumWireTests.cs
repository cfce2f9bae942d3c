using System.Reflection;
using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;

namespace Chargebox.Protocol.Tests.Generated;

public sealed class EnumWireTests
{
    private static readonly Assembly Protocol = typeof(BootReasonEnumType).Assembly;

    public static TheoryData<string> EnumNames() => [.. OfficialSchemas.Enums().Keys];

    [Theory]
    [MemberData(nameof(EnumNames))]
    public void Every_member_serialises_to_its_exact_schema_string_and_back(string enumName)
    {
        var wireValues = OfficialSchemas.Enums()[enumName];
        var type = Protocol.GetType($"Chargebox.Protocol.Messages.{enumName}", throwOnError: true)!;
        var typeInfo = OcppJsonContext.Default.GetTypeInfo(type)!;
        Assert.Equal(wireValues.Count, Enum.GetValues(type).Length);

        foreach (var wire in wireValues)
        {
            var json = $"\"{wire}\"";
            var value = JsonSerializer.Deserialize(json, typeInfo)!;
            Assert.Equal(json, JsonSerializer.Serialize(value, typeInfo));
        }

        // Every C# member is reached by exactly one wire string.
        var parsed = wireValues.Select(w => JsonSerializer.Deserialize($"\"{w}\"", typeInfo)).Distinct().Count();
        Assert.Equal(wireValues.Count, parsed);
    }

    [Theory]
    [MemberData(nameof(EnumNames))]
    public void Wire_helpers_agree_with_the_schema_strings(string enumName)
    {
        var type = Protocol.GetType($"Chargebox.Protocol.Messages.{enumName}", throwOnError: true)!;
        var wire = Protocol.GetType($"Chargebox.Protocol.Messages.{enumName}Wire", throwOnError: true)!;
        var toWire = wire.GetMethod("ToWireString")!;
        var tryParse = wire.GetMethod("TryParse", [typeof(string), type.MakeByRefType()])!;

        foreach (var text in OfficialSchemas.Enums()[enumName])
        {
            object?[] arguments = [text, null];
            Assert.True((bool)tryParse.Invoke(null, arguments)!, $"{enumName}Wire.TryParse(\"{text}\")");
            Assert.Equal(text, toWire.Invoke(null, [arguments[1]]));
        }

        Assert.False((bool)tryParse.Invoke(null, ["not-a-member", null])!);
        Assert.False((bool)tryParse.Invoke(null, [null, null])!);
    }

    [Fact]
    public void Member_names_follow_the_wire_strings()
    {
        Assert.Equal("Energy.Active.Import.Register", MeasurandEnumType.EnergyActiveImportRegister.ToWireString());
        Assert.Equal("cType1", ConnectorEnumType.CType1.ToWireString());
        Assert.Equal("s309-1P-16A", ConnectorEnumType.S309_1P16A.ToWireString());
        Assert.Equal("ISO14443", IdTokenEnumType.ISO14443.ToWireString());
        Assert.Equal("SuspendedEV", ChargingStateEnumType.SuspendedEV.ToWireString());
        Assert.Equal("L1-N", PhaseEnumType.L1N.ToWireString());
        Assert.Equal("AC_single_phase", EnergyTransferModeEnumType.ACSinglePhase.ToWireString());
        Assert.True(ReadingContextEnumTypeWire.TryParse("Sample.Periodic".AsSpan(), out var context));
        Assert.Equal(ReadingContextEnumType.SamplePeriodic, context);
    }

    [Fact]
    public void Parsing_is_case_sensitive_and_unknown_strings_are_rejected_by_json()
    {
        Assert.False(BootReasonEnumTypeWire.TryParse("powerup", out _));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"powerup\"", OcppJsonContext.Default.BootReasonEnumType));
    }
}
