using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mesh.Api.Tests.Domain;

/// <summary>
/// The value parts of the fixture state, read through the API: the protocols, the vault's balances, debt, book and
/// deposit, the pools, the oracles' price and round, and the key list; computed timestamps are left out.
/// </summary>
public static class StateSnapshot
{
    private static readonly HashSet<string> Computed = ["updatedAt", "computedAt"];

    public static async Task<string> CaptureAsync(DomainSilo fixture)
    {
        var op = fixture.KeyOf(Caller.Operator);
        var own = fixture.KeyOf(Caller.Protocol);
        var state = new JsonObject();
        foreach (var id in new[] { DomainSilo.Main, DomainSilo.Other, DomainSilo.Pending })
        {
            state[$"protocol {id}"] = await Read(fixture, $"/api/protocols/{id}", op);
        }

        var health = await Read(fixture, $"{DomainSilo.MainVault}/health", own);
        state["balances"] = new JsonArray([.. health["collateral"]!.AsArray().Select(c => (JsonNode)new JsonObject { ["asset"] = c!["asset"]!.DeepClone(), ["amount"] = c["amount"]!.DeepClone() })]);
        state["debt"] = new JsonArray([.. health["debt"]!.AsArray().Select(d => (JsonNode)new JsonObject { ["asset"] = d!["asset"]!.DeepClone(), ["amount"] = d["amount"]!.DeepClone() })]);
        state["exposures"] = await Read(fixture, $"{DomainSilo.MainVault}/exposures", own);
        state["deposit"] = await Read(fixture, $"{DomainSilo.MainVault}/operations/{fixture.DepositOperationId}", own);
        foreach (var asset in new[] { "WETH", "USDC" })
        {
            state[$"pool {asset}"] = await Read(fixture, $"/api/pools/{asset}", op);
            state[$"pool limits {asset}"] = await Read(fixture, $"/api/pools/{asset}/limits", op);
            var oracle = await Read(fixture, $"/api/oracles/{asset}", op);
            state[$"oracle {asset}"] = new JsonObject { ["price"] = oracle["price"]!.DeepClone(), ["round"] = oracle["round"]!.DeepClone(), ["sourcesUsed"] = oracle["sourcesUsed"]!.DeepClone() };
        }

        var keys = await Read(fixture, "/api/operator/keys?limit=500", op);
        state["keys"] = keys["items"]!.DeepClone();
        return state.ToJsonString();
    }

    private static async Task<JsonNode> Read(DomainSilo fixture, string path, string? key)
    {
        using var response = await fixture.Silo.GetAsync(path, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        var node = JsonNode.Parse(text)!;
        Strip(node);
        return node;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).Where(Computed.Contains).ToList())
                {
                    o.Remove(name);
                }

                foreach (var (_, child) in o)
                {
                    Strip(child);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Strip(child);
                }

                break;
        }
    }
}
