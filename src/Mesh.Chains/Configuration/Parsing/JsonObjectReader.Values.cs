using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mesh.Chains.Configuration.Parsing;

/// <summary>Typed readers for required properties; each reports a missing or invalid value and returns null.</summary>
internal sealed partial class JsonObjectReader
{
    public string? Matching(string name, Regex pattern, string rule) =>
        Read(name, (e, p) => JsonValues.Matching(_errors, e, p, pattern, rule));

    public string? Address(string name) => Read(name, (e, p) => JsonValues.Address(_errors, e, p));

    public JsonElement[]? Array(string name, bool nonEmpty) =>
        Read(name, (e, p) => JsonValues.Array(_errors, e, p, nonEmpty));

    public int? Int32(string name, int min, int max) =>
        ReadValue(name, (e, p) => JsonValues.Int32(_errors, e, p, min, max));

    public ulong? UInt64(string name, ulong min) => ReadValue(name, (e, p) => JsonValues.UInt64(_errors, e, p, min));

    public UInt128? Amount(string name) => ReadValue(name, (e, p) => JsonValues.Amount(_errors, e, p));

    private T? Read<T>(string name, Func<JsonElement, string, T?> read)
        where T : class
    {
        var element = Required(name);
        return element is { } value ? read(value, PathOf(name)) : null;
    }

    private T? ReadValue<T>(string name, Func<JsonElement, string, T?> read)
        where T : struct
    {
        var element = Required(name);
        return element is { } value ? read(value, PathOf(name)) : null;
    }
}
