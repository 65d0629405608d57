using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Mesh.Api.Problems;

namespace Mesh.Api.Json;

/// <summary>
/// The API's JSON rules: camelCase names matched exactly, unknown and duplicate properties refused, required
/// properties and nullability enforced, no comments, trailing commas or numbers in strings, nothing after the value.
/// <see cref="Describe"/> turns the serializer's failure into a code, field and detail without CLR type names.
/// </summary>
public static partial class StrictJson
{
    /// <summary>Applies the rules to <paramref name="options"/> (the host's HTTP JSON options).</summary>
    /// <param name="options">The options to make strict.</param>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.AllowTrailingCommas = false;
        options.MaxDepth = 32;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new Domain.UInt128StringJsonConverter());
    }

    /// <summary>Creates new strict options.</summary>
    /// <returns>The options.</returns>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }

    /// <summary>Reads a body the strict way; a refused body throws <see cref="ApiException"/> (400) naming the field.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="utf8Json">The body.</param>
    /// <param name="options">Strict options (<see cref="CreateOptions"/>).</param>
    /// <returns>The value.</returns>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8Json, options)
                ?? throw new ApiException(400, ApiErrorCodes.MalformedJson, "body: must be a JSON object, not null.");
        }
        catch (JsonException exception)
        {
            var failure = Describe(exception);
            throw new ApiException(400, failure.Code, failure.Detail, failure.Field);
        }
    }

    /// <summary>Describes a serializer failure.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>Its code, field and detail.</returns>
    public static JsonFailure Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = FieldOf(exception.Path);
        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1})")
            : string.Empty;
        var message = exception.Message;
        if (exception is JsonFieldException own)
        {
            return new JsonFailure(own.Code, field, $"{field ?? "body"}: {message}");
        }

        if (exception.InnerException?.GetType().Name == "JsonReaderException")
        {
            var reason = ReaderReason().Match(message) is { Success: true } m ? m.Groups["reason"].Value.Trim() : "the JSON is not well formed.";
            reason = reason.Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
            return new JsonFailure(ApiErrorCodes.MalformedJson, field, $"body: malformed JSON{where}{(field is null ? string.Empty : " at " + field)}: {reason}");
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return new JsonFailure(ApiErrorCodes.UnknownField, field, $"{field}: unknown field.");
        }

        if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return new JsonFailure(ApiErrorCodes.DuplicateField, field, $"{field}: appears more than once.");
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\''))
                .Select(n => field is null ? n : $"{field}.{n}")
                .ToList();
            var first = names.FirstOrDefault() ?? field ?? "body";
            return new JsonFailure(ApiErrorCodes.MissingField, first, $"{string.Join(", ", names)}: required.");
        }

        if (message.Contains("doesn't allow null", StringComparison.Ordinal) || message.Contains("null values", StringComparison.Ordinal))
        {
            return new JsonFailure(ApiErrorCodes.InvalidField, field, $"{field ?? "body"}: must not be null.");
        }

        if (field is null)
        {
            return new JsonFailure(ApiErrorCodes.MalformedJson, null, $"body: must be a JSON object{where}.");
        }

        return new JsonFailure(ApiErrorCodes.InvalidField, field, $"{field}: has the wrong type or an unreadable value{where}.");
    }

    /// <summary>A JSON path (<c>$.a.b[2]</c>) as a field name (<c>a.b[2]</c>); null for the root.</summary>
    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    [GeneratedRegex(@"^(?<reason>.*?)( Path: .*)?$", RegexOptions.Singleline)]
    private static partial Regex ReaderReason();

    [GeneratedRegex(@"missing required properties including: (?<names>.*?)\.?$")]
    private static partial Regex MissingRequired();
}
