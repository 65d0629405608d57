using System.Net.Http.Json;
using System.Text.Json;

namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>A bare JSON-RPC caller for test control methods (snapshots, mining) and raw sends, independent of the client under test.</summary>
internal sealed class TestRpc(Uri url) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private int _id;

    public async Task<JsonElement> CallAsync(string method, params object[] parameters)
    {
        var request = new { jsonrpc = "2.0", id = Interlocked.Increment(ref _id), method, @params = parameters };
        using var response = await _http.PostAsJsonAsync(url, request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            throw new RpcCallException(method, error.Clone());
        }

        return document.RootElement.GetProperty("result").Clone();
    }

    public async Task MineAsync(int blocks) => await CallAsync("hardhat_mine", "0x" + blocks.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);

    public async Task<string> SnapshotAsync() => (await CallAsync("evm_snapshot").ConfigureAwait(false)).GetString()!;

    public async Task RevertAsync(string snapshot)
    {
        var reverted = await CallAsync("evm_revert", snapshot).ConfigureAwait(false);
        if (!reverted.GetBoolean())
        {
            throw new InvalidOperationException($"evm_revert({snapshot}) returned false.");
        }
    }

    public void Dispose() => _http.Dispose();
}
