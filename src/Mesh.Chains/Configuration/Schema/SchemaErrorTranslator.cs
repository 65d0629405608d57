using System.Text.Json;
using Mesh.Chains.Configuration.Json;

namespace Mesh.Chains.Configuration.Schema;

/// <summary>
/// Turns schema violations into <see cref="ChainsConfigurationError"/>s: JSON Pointers become JSON paths, a missing
/// property is reported at its own path, an unknown one lists the known names, and every other message ends with the
/// offending value (<c>must be an integer between 0 and 1000, got -3</c>). Errors come out in file order.
/// </summary>
internal static class SchemaErrorTranslator
{
    private const string AdditionalProperties = "additionalProperties";

    public static IReadOnlyList<ChainsConfigurationError> Translate(
        JsonElement schema, JsonElement instance, IEnumerable<SchemaViolation> violations)
    {
        var errors = new List<(IReadOnlyList<int> Order, ChainsConfigurationError Error)>();
        foreach (var violation in violations)
        {
            var location = JsonPointers.Resolve(instance, violation.InstancePointer);
            foreach (var error in Translate(schema, location, violation))
            {
                errors.Add((location.Order, error));
            }
        }

        return [.. errors.OrderBy(e => e.Order, LocationOrder.Instance).Select(e => e.Error)];
    }

    private static IEnumerable<ChainsConfigurationError> Translate(JsonElement schema, JsonLocation location, SchemaViolation violation)
    {
        if (violation.Keyword.Length == 0 && IsAdditionalProperty(violation.SchemaPointer, out var objectSchemaPointer))
        {
            var known = PropertyNames(JsonPointers.Resolve(schema, objectSchemaPointer).Value);
            var name = JsonPointers.Segments(violation.InstancePointer).Last();
            yield return new ChainsConfigurationError(location.Path, UnknownPropertyMessage(name, known));
            yield break;
        }

        var subschema = JsonPointers.Resolve(schema, violation.SchemaPointer).Value ?? default;
        if (violation.Keyword == "required" && location.Value is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var missing in RequiredNames(subschema).Where(n => !value.TryGetProperty(n, out _)))
            {
                yield return new ChainsConfigurationError(JsonPath.Property(location.Path, missing), "required property is missing");
            }

            yield break;
        }

        var expectation = SchemaExpectation.Describe(subschema, violation.Keyword, violation.Detail);
        var message = violation.Keyword == "minItems" ? expectation : $"{expectation}, got {JsonText.Describe(location.Value)}";
        yield return new ChainsConfigurationError(location.Path, message);
    }

    private static bool IsAdditionalProperty(string schemaPointer, out string objectSchemaPointer)
    {
        var segments = JsonPointers.Segments(schemaPointer).ToList();
        var index = segments.LastIndexOf(AdditionalProperties);
        objectSchemaPointer = index < 0 ? string.Empty : schemaPointer[..NthSlash(schemaPointer, index)];
        return index >= 0;
    }

    private static int NthSlash(string pointer, int n)
    {
        var position = -1;
        for (var i = 0; i <= n; i++)
        {
            position = pointer.IndexOf('/', position + 1);
        }

        return position;
    }

    private static string[] PropertyNames(JsonElement? objectSchema) =>
        objectSchema is { ValueKind: JsonValueKind.Object } schema && schema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().Select(p => p.Name)]
            : [];

    private static IEnumerable<string> RequiredNames(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(r => r.GetString()!)
            : [];

    private static string UnknownPropertyMessage(string name, string[] knownProperties)
    {
        var nearMiss = knownProperties.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return nearMiss is not null
            ? $"unknown property; did you mean '{nearMiss}'? (names are case-sensitive)"
            : knownProperties.Length == 0
                ? "unknown property"
                : $"unknown property; expected one of: {string.Join(", ", knownProperties)}";
    }
}
