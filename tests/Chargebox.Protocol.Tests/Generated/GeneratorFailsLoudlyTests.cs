using Chargebox.SchemaGen;

namespace Chargebox.Protocol.Tests.Generated;

/// <summary>The generator refuses schema sets it cannot represent faithfully instead of guessing.</summary>
public sealed class GeneratorFailsLoudlyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chargebox-schemas-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Same_named_definitions_that_differ_in_structure_are_rejected()
    {
        Write("HeartbeatRequest", Schema("HeartbeatRequest", """{ "ThingEnumType": { "type": "string", "enum": ["A", "B"] } }"""));
        Write("HeartbeatResponse", Schema("HeartbeatResponse", """{ "ThingEnumType": { "type": "string", "enum": ["A", "C"] } }"""));

        var error = Assert.Throws<GeneratorException>(() => Generator.Generate(_folder));

        Assert.Contains("ThingEnumType", error.Message);
    }

    [Fact]
    public void Same_named_definitions_that_differ_only_in_description_are_merged()
    {
        Write("HeartbeatRequest", Schema("HeartbeatRequest", """{ "ThingEnumType": { "description": "one", "type": "string", "enum": ["A"] } }"""));
        Write("HeartbeatResponse", Schema("HeartbeatResponse", """{ "ThingEnumType": { "description": "two", "type": "string", "enum": ["A"] } }"""));

        var error = Assert.Throws<GeneratorException>(() => Generator.Generate(_folder));

        // It gets past the definitions and stops only at the direction table (only Heartbeat is present).
        Assert.Contains("in the direction table but has no schemas", error.Message);
    }

    [Fact]
    public void An_unsupported_keyword_is_rejected()
    {
        Write("HeartbeatRequest", Schema("HeartbeatRequest", """{ "ThingType": { "type": "object", "properties": { "x": { "type": "string", "pattern": "^a$" } } } }"""));

        var error = Assert.Throws<GeneratorException>(() => Generator.Generate(_folder));

        Assert.Contains("pattern", error.Message);
    }

    [Fact]
    public void An_action_missing_from_the_direction_table_is_rejected()
    {
        Write("FlyToTheMoonRequest", Schema("FlyToTheMoonRequest", "{}"));
        Write("FlyToTheMoonResponse", Schema("FlyToTheMoonResponse", "{}"));

        var error = Assert.Throws<GeneratorException>(() => Generator.Generate(_folder));

        Assert.Contains("action FlyToTheMoon has schemas but no direction in the table", error.Message);
    }

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_folder, name + ".json"), json);

    private static string Schema(string name, string definitions) => $$"""
        {
          "$schema": "http://json-schema.org/draft-06/schema#",
          "$id": "urn:OCPP:Cp:2:2020:3:{{name}}",
          "definitions": {{definitions}},
          "type": "object",
          "additionalProperties": false,
          "properties": {}
        }
        """;
}
