using System.Text.Json.Nodes;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Evm;

/// <summary>The repository's chains.json with each chain's endpoint on a given loopback port (and optionally chain id and block time), for tests.</summary>
internal static class TestChainsFile
{
    public static string Write(string path, IReadOnlyList<int> ports, IReadOnlyList<ulong>? chainIds = null, int? blockTimeMs = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json")))!.AsObject();
        var chains = root["chains"]!.AsArray();
        for (var i = 0; i < chains.Count; i++)
        {
            var chain = chains[i]!.AsObject();
            chain["rpcUrls"] = new JsonArray($"http://127.0.0.1:{ports[i]}");
            if (chainIds is not null)
            {
                chain["chainId"] = chainIds[i];
            }

            if (blockTimeMs is { } blockTime)
            {
                chain["blockTimeMs"] = blockTime;
            }
        }

        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    /// <summary>Free loopback ports, one per chain of the repository's chains.json (three).</summary>
    public static int[] FreePorts() => [TestPorts.Next(), TestPorts.Next(), TestPorts.Next()];

    /// <summary>The repository's contracts folder.</summary>
    public static string ContractsDirectory() => Path.Combine(SiloProcess.RepositoryRoot(), "src", "Mesh.Chains", "contracts");
}
