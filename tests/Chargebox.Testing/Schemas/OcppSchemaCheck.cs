using System.Collections.Concurrent;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Chargebox.Testing.Schemas;

/// <summary>Checks outbound payloads against the official OCPP 2.0.1 schemas (schemas/ocpp201) with
/// NJsonSchema: independent of the station's own generated validator, so a bug there cannot hide a bug in
/// what the station sends. Schemas are parsed once per test process; the cache is immutable once a schema
/// is loaded.</summary>
public static class OcppSchemaCheck
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Cache = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="OcppSchemaViolationException"/> unless <paramref name="json"/> is a valid
    /// <c>{action}Request</c> payload.</summary>
    public static Task AssertRequestValidAsync(string action, string json) => AssertValidAsync(action + "Request", json);

    /// <summary>Throws <see cref="OcppSchemaViolationException"/> unless <paramref name="json"/> is a valid
    /// <c>{action}Response</c> payload.</summary>
    public static Task AssertResponseValidAsync(string action, string json) => AssertValidAsync(action + "Response", json);

    /// <summary>Throws <see cref="OcppSchemaViolationException"/> unless <paramref name="json"/> is valid
    /// against schemas/ocpp201/<paramref name="schemaName"/>.json (for example <c>BootNotificationRequest</c>).</summary>
    public static async Task AssertValidAsync(string schemaName, string json)
    {
        var errors = await ValidateAsync(schemaName, json).ConfigureAwait(false);
        if (errors.Count != 0)
        {
            throw new OcppSchemaViolationException(schemaName, json, errors);
        }
    }

    /// <summary>The schema errors of <paramref name="json"/> as "path: kind" lines, empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string schemaName, string json)
    {
        var schema = await Cache.GetOrAdd(schemaName, name => new Lazy<Task<JsonSchema>>(() => LoadAsync(name))).Value.ConfigureAwait(false);
        return schema.Validate(json).SelectMany(Describe).Order(StringComparer.Ordinal).ToList();
    }

    private static Task<JsonSchema> LoadAsync(string schemaName)
    {
        if (!schemaName.EndsWith("Request", StringComparison.Ordinal) && !schemaName.EndsWith("Response", StringComparison.Ordinal)
            || !schemaName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"{schemaName} is not an OCPP message schema name such as BootNotificationRequest.", nameof(schemaName));
        }

        var path = RepositoryRoot.Combine($"schemas/ocpp201/{schemaName}.json");
        if (!File.Exists(path))
        {
            throw new ArgumentException($"No schema file {path}.", nameof(schemaName));
        }

        return JsonSchema.FromFileAsync(path);
    }

    private static IEnumerable<string> Describe(ValidationError error)
    {
        if (error is ChildSchemaValidationError child)
        {
            foreach (var nested in child.Errors.SelectMany(e => e.Value).SelectMany(Describe))
            {
                yield return nested;
            }

            yield break;
        }

        yield return $"{(string.IsNullOrEmpty(error.Path) ? "#" : error.Path)}: {error.Kind}";
    }
}
