using System.Net;
using System.Net.Http.Headers;
using Mesh.Runtime.Activation;
using Mesh.Runtime.Invocation;

namespace Mesh.Runtime.Transport;

/// <summary>Sends calls to other silos over pooled, multiplexed HTTP/2 connections.</summary>
internal sealed class SiloTransportClient : IDisposable
{
    private static readonly Uri CallPath = new(SiloTransportServer.CallPath.TrimStart('/'), UriKind.Relative);
    private static readonly MediaTypeHeaderValue ContentType = new(SiloTransportServer.ContentType);
    private readonly HttpClient _http;

    public SiloTransportClient()
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(10),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
        };

        // Silos of one cluster share a certificate provisioned by the operator; trust is by that configuration.
        handler.SslOptions.RemoteCertificateValidationCallback = static (_, certificate, _, _) => certificate is not null;
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<TResult> SendAsync<TResult>(Uri silo, GrainId grainId, GrainRequest<TResult> request, TimeSpan timeout, string? traceParent, CallChain? caller, CancellationToken cancellationToken)
    {
        var content = new ReadOnlyMemoryContent(CallEnvelope.Encode(grainId, request, timeout, traceParent, caller));
        content.Headers.ContentType = ContentType;
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(silo, CallPath))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new SiloUnreachableException($"Silo {silo} is unreachable (the call was not sent): {exception.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new SiloUnavailableException($"The call {grainId}.{request.Method.DisplayName} to silo {silo} failed in flight and may or may not have run: {exception.Message}", exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SiloUnavailableException($"Silo {silo} rejected the call {grainId}.{request.Method.DisplayName} with HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            }

            return ResponseEnvelope.Read<TResult>(body, silo);
        }
    }

    public void Dispose() => _http.Dispose();
}
