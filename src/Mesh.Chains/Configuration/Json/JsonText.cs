using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mesh.Chains.Configuration.Json;

/// <summary>Describes a JSON value for an error message: numbers as written, strings quoted and shortened.</summary>
internal static class JsonText
{
    private const int MaxQuotedLength = 64;

    public static string Describe(JsonElement? element) => element is not { } value
        ? "nothing"
        : value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => Quote(value.GetString() ?? string.Empty),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => value.ValueKind.ToString(),
        };

    public static string Quote(string text)
    {
        var shown = text.Length > MaxQuotedLength ? string.Concat(text.AsSpan(0, MaxQuotedLength), "…") : text;
        return $"\"{JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(shown)}\"";
    }
}
