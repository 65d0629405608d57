using System.Text.Json;

namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>A JSON-RPC error answer to a <see cref="TestRpc"/> call.</summary>
internal sealed class RpcCallException(string method, JsonElement error) : Exception($"{method} failed: {error}")
{
    public JsonElement Error { get; } = error;
}
