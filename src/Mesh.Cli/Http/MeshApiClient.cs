using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Mesh.Cli.Http;

/// <summary>
/// The one client of the mesh's HTTP API: sends JSON with the API key (<c>Authorization: Bearer</c>), returns the
/// answer's JSON, and turns a problem+json answer into <see cref="MeshApiException"/> and a connection failure into
/// <see cref="MeshUnreachableException"/>. The key is only ever put in the request header.
/// </summary>
internal sealed class MeshApiClient : IDisposable
{
    private const string ProblemMediaType = "application/problem+json";
    private readonly HttpClient _http;
    private readonly string? _key;

    public MeshApiClient(Uri baseAddress, string? key, HttpMessageHandler? handler, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = baseAddress;
        _http.Timeout = timeout;
        _key = key;
    }

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, null, cancellationToken);

    public Task<ApiAnswer> PostAsync(string path, object? body, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, body, idempotencyKey, cancellationToken);

    public Task<ApiAnswer> PutAsync(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, body, null, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<ApiAnswer> SendAsync(HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (_key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body, CliJson.Options);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new MeshUnreachableException($"The mesh API at {BaseAddress} is unreachable: {Reason(e)}.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MeshUnreachableException($"The mesh API at {BaseAddress} did not answer within {_http.Timeout.TotalSeconds:0} s.", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = Parse(text, response);
            if (response.IsSuccessStatusCode)
            {
                return new ApiAnswer((int)response.StatusCode, json);
            }

            throw new MeshApiException(Problem(response, json));
        }
    }

    private JsonElement Parse(string text, HttpResponseMessage response)
    {
        if (text.Length == 0)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new MeshUnreachableException(
                $"{BaseAddress} answered HTTP {(int)response.StatusCode} with something that is not JSON: is --url the mesh API?", e);
        }
    }

    private ApiProblem Problem(HttpResponseMessage response, JsonElement json)
    {
        var isProblem = response.Content.Headers.ContentType?.MediaType == ProblemMediaType && json.ValueKind == JsonValueKind.Object;
        if (!isProblem)
        {
            if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
            {
                throw new MeshUnreachableException($"The mesh API at {BaseAddress} is unavailable (HTTP {(int)response.StatusCode}).");
            }

            return new ApiProblem((int)response.StatusCode, $"http.{(int)response.StatusCode}", response.ReasonPhrase, null, null);
        }

        return new ApiProblem(
            (int)response.StatusCode,
            Text(json, "code") ?? $"http.{(int)response.StatusCode}",
            Text(json, "title"),
            Text(json, "detail"),
            Text(json, "field"));
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Reason(HttpRequestException e) => e.InnerException switch
    {
        SocketException socket => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused (is the silo running? start it with `dotnet run --project src/Mesh.Silo`)",
            SocketError.HostNotFound or SocketError.NoData => "host not found",
            _ => socket.Message,
        },
        { } inner => inner.Message,
        null => e.Message,
    };
}
