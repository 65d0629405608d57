using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mesh.Chains.Configuration.Parsing;

/// <summary>
/// Reads and validates single JSON values. Each reader reports a problem at <c>path</c> and returns
/// <see langword="null"/>, so the caller carries on and every error in the file is found.
/// </summary>
internal static class JsonValues
{
    private const int MaxQuotedLength = 64;

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.String => Quote(element.GetString() ?? string.Empty),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => element.ValueKind.ToString(),
    };

    public static string? String(ErrorCollector errors, JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        errors.Report(path, $"must be a string, got {Describe(element)}");
        return null;
    }

    public static string? Matching(ErrorCollector errors, JsonElement element, string path, Regex pattern, string rule)
    {
        if (element.ValueKind == JsonValueKind.String && pattern.IsMatch(element.GetString()!))
        {
            return element.GetString();
        }

        errors.Report(path, $"must be {rule}, got {Describe(element)}");
        return null;
    }

    public static string? Address(ErrorCollector errors, JsonElement element, string path) =>
        Matching(errors, element, path, ConfigurationPatterns.Address(), ConfigurationPatterns.AddressRule)
            ?.ToLowerInvariant();

    public static int? Int32(ErrorCollector errors, JsonElement element, string path, int min, int max)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) && value >= min && value <= max)
        {
            return (int)value;
        }

        errors.Report(path, $"must be an integer between {min} and {max}, got {Describe(element)}");
        return null;
    }

    public static ulong? UInt64(ErrorCollector errors, JsonElement element, string path, ulong min)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var value) && value >= min)
        {
            return value;
        }

        errors.Report(path, $"must be an integer between {min} and {ulong.MaxValue}, got {Describe(element)}");
        return null;
    }

    public static UInt128? Amount(ErrorCollector errors, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Report(path, $"must be an amount in base units written as a JSON string of digits, e.g. \"1000000\", got {Describe(element)}");
            return null;
        }

        var text = element.GetString()!;
        if (!IsCanonicalDigits(text))
        {
            errors.Report(path, $"must be a non-negative integer in base units (decimal digits, no sign, spaces or leading zeros), got {Describe(element)}");
            return null;
        }

        if (!UInt128.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Report(path, $"must be at most {UInt128.MaxValue} (UInt128.MaxValue), got {Describe(element)}");
            return null;
        }

        return amount;
    }

    public static JsonElement[]? Array(ErrorCollector errors, JsonElement element, string path, bool nonEmpty)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Report(path, $"must be an array, got {Describe(element)}");
            return null;
        }

        var items = element.EnumerateArray().ToArray();
        if (nonEmpty && items.Length == 0)
        {
            errors.Report(path, "must not be empty");
            return null;
        }

        return items;
    }

    private static bool IsCanonicalDigits(string text)
    {
        if (text.Length == 0 || (text[0] == '0' && text.Length > 1))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string text)
    {
        var shown = text.Length > MaxQuotedLength ? string.Concat(text.AsSpan(0, MaxQuotedLength), "…") : text;
        return $"\"{JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(shown)}\"";
    }
}
