using System.Text.Json;

namespace Mesh.Chains.Configuration.Parsing;

/// <summary>
/// Reads one JSON object against a fixed set of property names: reports a non-object, unknown and duplicate
/// properties when opened, and missing required properties when asked for.
/// </summary>
internal sealed partial class JsonObjectReader
{
    private readonly ErrorCollector _errors;
    private readonly Dictionary<string, JsonElement> _properties;

    private JsonObjectReader(ErrorCollector errors, string path, Dictionary<string, JsonElement> properties)
    {
        _errors = errors;
        _properties = properties;
        Path = path;
    }

    public string Path { get; }

    public static JsonObjectReader? Open(ErrorCollector errors, JsonElement element, string path, string[] knownProperties)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Report(path, $"must be an object, got {JsonValues.Describe(element)}");
            return null;
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            if (!knownProperties.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Report(propertyPath, UnknownPropertyMessage(property.Name, knownProperties));
            }
            else if (!properties.TryAdd(property.Name, property.Value))
            {
                errors.Report(propertyPath, "duplicate property");
            }
        }

        return new JsonObjectReader(errors, path, properties);
    }

    public string PathOf(string name) => JsonPath.Property(Path, name);

    public JsonElement? Required(string name)
    {
        if (_properties.TryGetValue(name, out var value))
        {
            return value;
        }

        _errors.Report(PathOf(name), "required property is missing");
        return null;
    }

    public JsonElement? Optional(string name) => _properties.TryGetValue(name, out var value) ? value : null;

    private static string UnknownPropertyMessage(string name, string[] knownProperties)
    {
        var nearMiss = knownProperties.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return nearMiss is not null
            ? $"unknown property; did you mean '{nearMiss}'? (names are case-sensitive)"
            : $"unknown property; expected one of: {string.Join(", ", knownProperties)}";
    }
}
