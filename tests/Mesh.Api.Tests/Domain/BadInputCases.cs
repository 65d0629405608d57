using System.Net;
using static Mesh.Api.Problems.ApiErrorCodes;

namespace Mesh.Api.Tests.Domain;

/// <summary>
/// The bad-input table, generated from a compact spec per endpoint: for every endpoint with a body the generic JSON
/// faults (malformed, trailing garbage, not an object, unknown and duplicate fields, each field missing, null and of
/// the wrong type, oversized, not JSON), then the endpoint's own domain faults.
/// </summary>
public static partial class BadInputCases
{
    private const HttpStatusCode Bad = HttpStatusCode.BadRequest;

    private static readonly Lazy<IReadOnlyDictionary<string, BadRequestCase>> Table = new(() => Build());

    /// <summary>Every row by name.</summary>
    public static IReadOnlyDictionary<string, BadRequestCase> All => Table.Value;

    /// <summary>The row names, for <c>MemberData</c>.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    internal static string Object(IEnumerable<(string Name, string Value)> fields) =>
        "{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":{f.Value}")) + "}";

    internal static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static Dictionary<string, BadRequestCase> Build()
    {
        var rows = new List<BadRequestCase>();
        Protocols(rows);
        Keys(rows);
        Faucet(rows);
        Movements(rows);
        Exposures(rows);
        Observations(rows);
        Limits(rows);
        Paths(rows);
        Advice(rows);
        Transfers(rows);
        Chains(rows);
        return rows.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>The generic faults of a JSON body, from its valid fields.</summary>
    private static IEnumerable<BadRequestCase> Generic(string endpoint, HttpMethod method, string path, Caller caller, BodyField[] fields, bool idempotent = false)
    {
        BadRequestCase Row(string what, string body, HttpStatusCode status, string code, string? field, string contentType = "application/json") =>
            new($"{endpoint}: {what}", method, path, caller, body, status, code, field, idempotent, contentType);

        var valid = Object(fields.Select(f => (f.Name, f.Valid)));
        yield return Row("malformed JSON", valid[..^3], Bad, MalformedJson, null);
        yield return Row("trailing garbage", valid + " x", Bad, MalformedJson, null);
        yield return Row("two objects", valid + "{}", Bad, MalformedJson, null);
        yield return Row("comment", "/* c */" + valid, Bad, MalformedJson, null);
        yield return Row("trailing comma", valid[..^1] + ",}", Bad, MalformedJson, null);
        yield return Row("array instead of object", "[" + valid + "]", Bad, MalformedJson, null);
        yield return Row("string instead of object", "\"x\"", Bad, MalformedJson, null);
        yield return Row("unknown field", valid[..^1] + ",\"bogus\":1}", Bad, UnknownField, "bogus");
        yield return Row("field in other case", valid.Replace($"\"{fields[0].Name}\":", $"\"{char.ToUpperInvariant(fields[0].Name[0])}{fields[0].Name[1..]}\":", StringComparison.Ordinal), Bad, UnknownField, char.ToUpperInvariant(fields[0].Name[0]) + fields[0].Name[1..]);
        yield return Row("duplicate field", valid[..^1] + $",\"{fields[0].Name}\":{fields[0].Valid}}}", Bad, DuplicateField, fields[0].Name);
        yield return Row("oversized body", valid[..^1] + new string(' ', (int)DomainSilo.MaxBodyBytes) + "}", HttpStatusCode.RequestEntityTooLarge, BodyTooLarge, null);
        yield return Row("text/plain body", valid, HttpStatusCode.UnsupportedMediaType, UnsupportedMediaType, null, "text/plain");
        foreach (var f in fields)
        {
            var others = fields.Where(o => o != f).Select(o => (o.Name, o.Valid));
            if (f.Required)
            {
                yield return Row($"missing {f.Name}", Object(others), Bad, MissingField, f.Name);
            }

            if (f.NullCode is { } nullCode)
            {
                yield return Row($"null {f.Name}", Object(fields.Select(o => (o.Name, o == f ? "null" : o.Valid))), Bad, nullCode, f.Name);
            }

            yield return Row($"wrong type {f.Name}", Object(fields.Select(o => (o.Name, o == f ? o.WrongType : o.Valid))), Bad, f.WrongTypeCode, f.Name);
        }
    }

    /// <summary>The same body with one field's literal replaced (or removed when null).</summary>
    private static string With(BodyField[] fields, string name, string? value) =>
        Object(fields.Where(f => f.Name != name || value is not null).Select(f => (f.Name, f.Name == name ? value! : f.Valid)));

    /// <summary>Amounts that are not a positive whole number of base units below 2^128 written as a JSON string.</summary>
    private static IEnumerable<(string What, string Literal)> BadAmounts() =>
    [
        ("amount as number", "1"),
        ("amount negative", "\"-1\""),
        ("amount zero", "\"0\""),
        ("amount zeros", "\"000\""),
        ("amount decimal point", "\"1.5\""),
        ("amount leading zeros", "\"01\""),
        ("amount 2^128", "\"340282366920938463463374607431768211456\""),
        ("amount 40 digits", "\"1000000000000000000000000000000000000000\""),
        ("amount empty", "\"\""),
        ("amount exponent", "\"1e18\""),
        ("amount spaces", "\" 1\""),
        ("amount hex", "\"0x10\""),
    ];
}
