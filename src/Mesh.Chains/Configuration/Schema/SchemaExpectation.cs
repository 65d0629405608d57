using System.Text.Json;

namespace Mesh.Chains.Configuration.Schema;

/// <summary>
/// Says in words what a subschema expects, e.g. <c>must be an integer between 0 and 1000</c>. A subschema may give
/// its own wording in <c>errorMessage</c> and, for <c>pattern</c>, <c>patternErrorMessage</c> (the extension keywords
/// VS Code also shows).
/// </summary>
internal static class SchemaExpectation
{
    public static string Describe(JsonElement schema, string keyword, string detail)
    {
        if (keyword == "pattern" && Text(schema, "patternErrorMessage") is { } patternMessage)
        {
            return patternMessage;
        }

        if (Text(schema, "errorMessage") is { } message)
        {
            return message;
        }

        return keyword switch
        {
            "type" or "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" => TypeAndRange(schema),
            "pattern" => $"must match {Raw(schema, "pattern")}",
            "const" => $"must be {Raw(schema, "const")}",
            "minItems" => Raw(schema, "minItems") == "1" ? "must not be empty" : $"must have at least {Raw(schema, "minItems")} items",
            _ => $"fails the schema keyword '{keyword}' ({detail})",
        };
    }

    private static string TypeAndRange(JsonElement schema)
    {
        var type = Text(schema, "type");
        var noun = type switch
        {
            "integer" => "an integer",
            "number" => "a number",
            "string" => "a string",
            "object" => "an object",
            "array" => "an array",
            "boolean" => "true or false",
            "null" => "null",
            _ => "a value",
        };
        var minimum = Raw(schema, "minimum");
        var maximum = Raw(schema, "maximum");
        return (minimum, maximum) switch
        {
            ({ } min, { } max) => $"must be {noun} between {min} and {max}",
            ({ } min, null) => $"must be {noun} of at least {min}",
            (null, { } max) => $"must be {noun} of at most {max}",
            _ => $"must be {noun}",
        };
    }

    private static string? Text(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Raw(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value)
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
            : null;
}
