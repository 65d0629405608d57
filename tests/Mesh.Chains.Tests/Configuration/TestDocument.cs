using System.Text.Json.Nodes;

namespace Mesh.Chains.Tests.Configuration;

/// <summary>A small valid chains.json and helpers that break one value of it at a time.</summary>
internal static class TestDocument
{
    public const string Valid = """
        {
          "version": 1,
          "chains": [
            {
              "name": "alpha",
              "chainId": 100,
              "rpcUrls": ["http://127.0.0.1:8545", "ws://127.0.0.1:8546"],
              "confirmations": 3,
              "blockTimeMs": 2000,
              "nativeAsset": { "symbol": "ETH", "decimals": 18 },
              "contracts": {
                "vault": "0x00000000000000000000000000000000000000A1",
                "bridge": "0x00000000000000000000000000000000000000a2"
              },
              "tokens": [
                { "symbol": "USDC", "address": "0x00000000000000000000000000000000000001a1", "decimals": 6 },
                { "symbol": "WETH", "address": "0x00000000000000000000000000000000000001a2", "decimals": 18 }
              ],
              "priceFeeds": [
                { "asset": "WETH", "address": "0x00000000000000000000000000000000000002A2", "decimals": 8, "heartbeatSeconds": 3600 }
              ]
            },
            {
              "name": "beta",
              "chainId": 200,
              "rpcUrls": ["https://rpc.example.org"],
              "confirmations": 0,
              "blockTimeMs": 500,
              "nativeAsset": { "symbol": "POL", "decimals": 18 },
              "contracts": {
                "vault": "0x00000000000000000000000000000000000000b1",
                "bridge": "0x00000000000000000000000000000000000000b2"
              },
              "tokens": [
                { "symbol": "USDC", "address": "0x00000000000000000000000000000000000001b1", "decimals": 6 }
              ]
            }
          ],
          "routes": [
            {
              "from": "alpha", "to": "beta", "asset": "USDC", "feeBps": 5, "latencySeconds": 30,
              "capacity": "1000000000000",
              "rateLimit": { "capacity": "250000000000", "refillPerSecond": "100000000" }
            },
            {
              "from": "beta", "to": "alpha", "asset": "USDC", "feeBps": 7, "latencySeconds": 45,
              "capacity": "340282366920938463463374607431768211455",
              "rateLimit": { "capacity": "0", "refillPerSecond": "0" }
            }
          ]
        }
        """;

    /// <summary>Returns <see cref="Valid"/> with the value at <paramref name="path"/> replaced.</summary>
    /// <param name="path">A path below the root such as <c>chains[1].rpcUrls[0]</c>.</param>
    /// <param name="valueJson">The new value as JSON text, e.g. <c>-3</c> or <c>"x"</c>.</param>
    public static string With(string path, string valueJson) => With((path, valueJson));

    /// <summary>Returns <see cref="Valid"/> with several values replaced.</summary>
    /// <param name="changes">Each path below the root and its new value as JSON text.</param>
    public static string With(params (string Path, string ValueJson)[] changes)
    {
        var root = JsonNode.Parse(Valid)!;
        foreach (var (path, valueJson) in changes)
        {
            Set(root, path, valueJson);
        }

        return root.ToJsonString();
    }

    /// <summary>Returns <see cref="Valid"/> without the property at <paramref name="path"/>.</summary>
    /// <param name="path">A property path below the root such as <c>chains[0].tokens</c>.</param>
    public static string Without(string path)
    {
        var root = JsonNode.Parse(Valid)!;
        var (parent, key) = Navigate(root, path);
        parent.AsObject().Remove((string)key);
        return root.ToJsonString();
    }

    private static void Set(JsonNode root, string path, string valueJson)
    {
        var (parent, key) = Navigate(root, path);
        var value = JsonNode.Parse(valueJson);
        if (key is int index)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[(string)key] = value;
        }
    }

    private static (JsonNode Parent, object Key) Navigate(JsonNode root, string path)
    {
        var keys = new List<object>();
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            keys.Add(bracket < 0 ? segment : segment[..bracket]);
            if (bracket >= 0)
            {
                keys.Add(int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var node = root;
        foreach (var key in keys.SkipLast(1))
        {
            node = key is int i ? node[i]! : node[(string)key]!;
        }

        return (node, keys[^1]);
    }
}
