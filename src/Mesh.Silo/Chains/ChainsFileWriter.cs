using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Chains.Configuration;

namespace Mesh.Silo.Chains;

/// <summary>
/// Writes deployed addresses into a chains file where it holds them (each chain's <c>contracts</c>, its tokens' and its
/// price feeds' <c>address</c>), keeping everything else; the text is validated against the schema before it replaces a file.
/// </summary>
internal static class ChainsFileWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    /// <summary>The chains file text with the addresses of <paramref name="chains"/> (by chain name) in place of its own.</summary>
    public static string Patch(string json, IEnumerable<ChainDefinition> chains)
    {
        var byName = chains.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        foreach (var node in root["chains"]!.AsArray())
        {
            if (node is not JsonObject chainNode || !byName.TryGetValue(chainNode["name"]!.GetValue<string>(), out var chain))
            {
                continue;
            }

            var contracts = chainNode["contracts"] as JsonObject ?? [];
            contracts["vault"] = chain.Contracts.Vault;
            contracts["bridge"] = chain.Contracts.Bridge;
            chainNode["contracts"] = contracts;
            foreach (var tokenNode in (chainNode["tokens"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (chain.FindToken(tokenNode["symbol"]!.GetValue<string>()) is { } token)
                {
                    tokenNode["address"] = token.Address;
                }
            }

            foreach (var feedNode in (chainNode["priceFeeds"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (chain.PriceFeeds.FirstOrDefault(f => f.Asset == feedNode["asset"]?.GetValue<string>()) is { } feed)
                {
                    feedNode["address"] = feed.Address;
                }
            }
        }

        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>Validates <paramref name="json"/> as a chains file and writes it to <paramref name="path"/> (through a temporary file, so a reader never sees half of it).</summary>
    /// <exception cref="ChainsConfigurationException">The text is not a valid chains file.</exception>
    public static ChainsConfiguration Write(string path, string json)
    {
        var full = Path.GetFullPath(path);
        var configuration = ChainsConfigurationLoader.Parse(json, full);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, json);
        File.Move(temporary, full, overwrite: true);
        return configuration;
    }
}
