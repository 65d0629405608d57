using System.Text.Json;
using Mesh.Chains.Configuration.Json;

namespace Mesh.Chains.Configuration.Conversion;

/// <summary>
/// Checks that chain names and chain ids are unique. It reads the raw values, so a duplicate is reported even when
/// the entry has other errors, and it records every declared name for the route checks.
/// </summary>
internal sealed class ChainIdentityCheck
{
    private readonly Dictionary<string, string> _namePaths = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, string> _idPaths = [];

    public IReadOnlySet<string> DeclaredNames => _namePaths.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>Records one entry of <c>$.chains</c>.</summary>
    /// <returns>Whether the entry's name, if it has one, was not declared before.</returns>
    public bool Check(ErrorCollector errors, JsonElement chain, string path)
    {
        if (chain.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var unique = true;
        if (chain.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            var text = name.GetString()!;
            if (!_namePaths.TryAdd(text, path))
            {
                errors.Report(JsonPath.Property(path, "name"), $"duplicate chain name '{text}' (also at {_namePaths[text]})");
                unique = false;
            }
        }

        if (chain.TryGetProperty("chainId", out var id) && id.ValueKind == JsonValueKind.Number
            && id.TryGetUInt64(out var chainId) && !_idPaths.TryAdd(chainId, path))
        {
            errors.Report(JsonPath.Property(path, "chainId"), $"duplicate chain id {chainId} (also at {_idPaths[chainId]})");
        }

        return unique;
    }
}
