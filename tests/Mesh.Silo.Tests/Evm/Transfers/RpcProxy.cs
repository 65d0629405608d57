using System.Net;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Evm.Transfers;

/// <summary>
/// An HTTP proxy on a loopback port in front of one node's JSON-RPC endpoint. While <see cref="Failing"/> it still
/// forwards every request to the node but answers 502 instead of the node's reply: the worst case for the mesh, since
/// a transaction sent through it reaches the chain although the sender is told it failed.
/// </summary>
internal sealed class RpcProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _node = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri _target;
    private readonly Task _serving;
    private long _failed;
    private long _forwarded;
    private long _inFlight;

    private RpcProxy(Uri target, int port)
    {
        _target = target;
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Gets or sets whether requests are answered with 502 (after being forwarded).</summary>
    public bool Failing { get; set; }

    /// <summary>How many requests were answered with 502.</summary>
    public long FailedRequests => Interlocked.Read(ref _failed);

    /// <summary>How many requests were forwarded, the failed ones included.</summary>
    public long ForwardedRequests => Interlocked.Read(ref _forwarded);

    /// <summary>How many requests have arrived and not yet been answered.</summary>
    public long InFlightRequests => Interlocked.Read(ref _inFlight);

    public static RpcProxy Start(Uri target) => new(target, TestPorts.Next());

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
            // The listener was closed while waiting for a request: how serving ends.
        }
        catch (ObjectDisposedException)
        {
            // Same, on a listener already disposed.
        }

        _node.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var body = new StreamContent(context.Request.InputStream);
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var answer = await _node.PostAsync(_target, body);
            var bytes = await answer.Content.ReadAsByteArrayAsync();
            Interlocked.Increment(ref _forwarded);
            if (Failing)
            {
                Interlocked.Increment(ref _failed);
                response.StatusCode = (int)HttpStatusCode.BadGateway;
                return;
            }

            response.StatusCode = (int)answer.StatusCode;
            response.ContentType = "application/json";
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (HttpRequestException)
        {
            response.StatusCode = (int)HttpStatusCode.BadGateway;
        }
        catch (HttpListenerException)
        {
            // The caller gave up on the request (its own timeout): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
