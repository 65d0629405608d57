using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Mesh.Testing.Scenarios;

/// <summary>
/// HTTP calls to the silos of a mesh (one for a single node, several for a cluster): a call names its silo, or goes
/// round-robin over the silos <see cref="Live"/> reports (all until told otherwise).
/// </summary>
public sealed class MeshHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly HashSet<Uri> _down = [];
    private int _next;

    /// <summary>Creates the client.</summary>
    /// <param name="silos">Every silo's base address.</param>
    /// <param name="timeout">How long one call may take.</param>
    public MeshHttp(IReadOnlyList<Uri> silos, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(silos.Count);
        Silos = silos;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) }) { Timeout = timeout ?? TimeSpan.FromSeconds(20) };
    }

    /// <summary>Gets every silo's base address.</summary>
    public IReadOnlyList<Uri> Silos { get; }

    /// <summary>Gets the silos not marked down.</summary>
    public IReadOnlyList<Uri> Live
    {
        get
        {
            lock (_down)
            {
                return [.. Silos.Where(s => !_down.Contains(s))];
            }
        }
    }

    /// <summary>Stops sending round-robin calls to a silo (a killed one).</summary>
    /// <param name="silo">Its base address.</param>
    public void MarkDown(Uri silo)
    {
        lock (_down)
        {
            _down.Add(silo);
        }
    }

    /// <summary>The next live silo, round-robin.</summary>
    /// <returns>Its base address.</returns>
    public Uri NextLive()
    {
        var live = Live;
        return live[(int)((uint)Interlocked.Increment(ref _next) % live.Count)];
    }

    /// <summary>Sends a request to the next live silo.</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The path, e.g. <c>/api/pools/USDC</c>.</param>
    /// <param name="key">The bearer key, if any.</param>
    /// <param name="json">The JSON body, if any.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c>, if any.</param>
    /// <returns>The answer.</returns>
    public Task<MeshReply> SendAsync(HttpMethod method, string path, string? key, string? json = null, string? idempotencyKey = null) =>
        SendAsync(NextLive(), method, path, key, json, idempotencyKey);

    /// <summary>Sends a request to one silo; a connection failure or timeout throws.</summary>
    /// <param name="silo">The silo's base address.</param>
    /// <param name="method">The method.</param>
    /// <param name="path">The path.</param>
    /// <param name="key">The bearer key, if any.</param>
    /// <param name="json">The JSON body, if any.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c>, if any.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="HttpRequestException">No connection, or it broke.</exception>
    /// <exception cref="TaskCanceledException">No answer in time.</exception>
    public async Task<MeshReply> SendAsync(Uri silo, HttpMethod method, string path, string? key, string? json = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(silo, path.TrimStart('/')));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
        return new MeshReply(silo, response.StatusCode, body, replayed);
    }

    /// <summary>Sends to the next live silo and requires <paramref name="expected"/>.</summary>
    /// <param name="expected">The status the call must answer.</param>
    /// <param name="method">The method.</param>
    /// <param name="path">The path.</param>
    /// <param name="key">The bearer key, if any.</param>
    /// <param name="json">The JSON body, if any.</param>
    /// <returns>The body.</returns>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode expected, HttpMethod method, string path, string? key, string? json = null)
    {
        var reply = await SendAsync(method, path, key, json);
        Xunit.Assert.True(reply.Status == expected, $"{method} {path}: expected {(int)expected}, got {reply}");
        return reply.Json;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
