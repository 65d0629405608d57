using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mesh.Chains.Clients;

namespace Mesh.Testing.ChainNode;

/// <summary>
/// One chain's calls to the node, with the failures a chain client reports: the node's error body becomes the chain's
/// <see cref="ChainClientException"/>; no connection is <see cref="ChainErrorKind.Unavailable"/> (nothing was sent);
/// a lost answer (timeout, connection dropped mid-call) is <see cref="ChainErrorKind.Timeout"/> (it may have taken
/// effect); an unreadable answer is <see cref="ChainErrorKind.InvalidResponse"/>.
/// </summary>
internal sealed class ChainNodeHttp(HttpClient http, string chainName)
{
    private readonly string _prefix = $"chains/{Uri.EscapeDataString(chainName)}/";

    public async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, body);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return default;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            }

            return await response.Content.ReadFromJsonAsync<T>(ChainNodeJson.Options, cancellationToken);
        }
        catch (Exception exception) when (Map(exception, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public T? Send<T>(HttpMethod method, string path, object? body = null)
    {
        using var request = Request(method, path, body);
        try
        {
            using var response = http.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            var text = reader.ReadToEnd();
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return default;
            }

            return response.IsSuccessStatusCode
                ? JsonSerializer.Deserialize<T>(text, ChainNodeJson.Options)
                : throw Failure(response.StatusCode, text);
        }
        catch (Exception exception) when (Map(exception, CancellationToken.None) is { } failure)
        {
            throw failure;
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, _prefix + path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ChainNodeJson.Options);
        }

        return request;
    }

    private ChainClientException Failure(HttpStatusCode status, string body)
    {
        try
        {
            if (JsonSerializer.Deserialize<ChainNodeError>(body, ChainNodeJson.Options) is { Code.Length: > 0 } error)
            {
                return error.ToException();
            }
        }
        catch (JsonException)
        {
            // Not an error body: reported below with the status.
        }

        return new ChainClientException(chainName, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse, $"The chain node answered {(int)status} without an error body: {body}");
    }

    private ChainClientException? Map(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ChainClientException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException => new(chainName, ChainErrorKind.Timeout, ChainErrorCodes.Timeout, $"The chain node of {chainName} did not answer within {http.Timeout.TotalSeconds:F0} s.", exception),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } =>
            new(chainName, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable, $"The chain node of {chainName} at {http.BaseAddress} is unreachable: {exception.Message}", exception),
        HttpRequestException or IOException => new(chainName, ChainErrorKind.Timeout, ChainErrorCodes.Timeout, $"The chain node of {chainName} dropped the call: {exception.Message}", exception),
        JsonException or NotSupportedException => new(chainName, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse, $"The chain node of {chainName} answered something unreadable: {exception.Message}", exception),
        _ => null,
    };
}
