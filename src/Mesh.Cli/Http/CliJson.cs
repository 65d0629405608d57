using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mesh.Cli.Http;

/// <summary>The JSON settings of request bodies (camelCase, like the API) and of <c>--json</c> output (indented).</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The element as indented JSON.</summary>
    public static string Format(JsonElement element) => JsonSerializer.Serialize(element, Output);

    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A property as display text (strings unquoted, numbers and booleans as written), or "" when absent.</summary>
    public static string Show(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Show(value) : "";

    /// <summary>An element as display text.</summary>
    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };
}
