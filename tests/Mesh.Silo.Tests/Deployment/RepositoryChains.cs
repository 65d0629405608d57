using System.Text.Json.Nodes;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>Compares a deployment's chains file with the repository's chains.json, apart from where the nodes are.</summary>
internal static class RepositoryChains
{
    /// <summary>Asserts that a chains file is the repository's chains.json with other RPC URLs (and no <c>$schema</c>).</summary>
    public static void AssertSameApartFromEndpoints(string json, string what)
    {
        var expected = WithoutEndpoints(File.ReadAllText(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json")));
        var actual = WithoutEndpoints(json);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{what} differs from chains.json in more than the RPC URLs: update it with chains.json.");
    }

    private static JsonObject WithoutEndpoints(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root.Remove("$schema");
        foreach (var chain in root["chains"]!.AsArray())
        {
            chain!.AsObject().Remove("rpcUrls");
        }

        return root;
    }
}
