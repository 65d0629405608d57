using Mesh.Testing;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>
/// A JSON-RPC proxy on loopback in front of a real node: every call is forwarded, and the result of
/// <c>eth_getLogs</c> can be rewritten by the test (a faulty or hostile node).
/// </summary>
internal sealed class TamperingRpcProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri _node;
    private readonly Task _serving;

    public TamperingRpcProxy(Uri node)
    {
        _node = node;
        var port = TestPorts.Next();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Rewrites the result array of <c>eth_getLogs</c>; null forwards it unchanged.</summary>
    public Func<JsonArray, JsonArray>? Logs { get; set; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
        _http.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                // Stopped: the listener was closed under the pending wait.
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = await reader.ReadToEndAsync();
            using var forwarded = await _http.PostAsync(_node, new StringContent(request, Encoding.UTF8, "application/json"));
            var answer = await forwarded.Content.ReadAsStringAsync();
            if (Logs is { } tamper && JsonNode.Parse(request)?["method"]?.GetValue<string>() == "eth_getLogs"
                && JsonNode.Parse(answer) is JsonObject reply && reply["result"] is JsonArray logs)
            {
                reply["result"] = tamper(logs.DeepClone().AsArray());
                answer = reply.ToJsonString();
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

}
