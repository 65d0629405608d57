using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mesh.Runtime.Cluster;
using Mesh.Runtime.Activation;
using Mesh.Runtime.Invocation;

namespace Mesh.Runtime.Transport;

/// <summary>Sends calls to other silos, each over a long-lived full-duplex HTTP/2 stream (reopened when it breaks).</summary>
internal sealed class SiloTransportClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<Uri, Lazy<SiloStream>> _streams = new();

    public SiloTransportClient(ClusterOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(5),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
        };

        // Silos of one cluster share the certificate the operator provisioned: a peer is trusted if it presents exactly that one.
        if (options.TlsCertificatePath is { } path)
        {
            using var clusterCertificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.TlsCertificatePassword);
            var thumbprint = clusterCertificate.GetCertHashString(HashAlgorithmName.SHA256);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase);
        }
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<TResult> SendAsync<TResult>(Uri silo, GrainId grainId, GrainRequest<TResult> request, TimeSpan timeout, string? traceParent, CallChain? caller, CancellationToken cancellationToken)
    {
        var stream = StreamTo(silo);
        var response = stream.SendAsync(CallEnvelope.Encode(grainId, request, timeout, traceParent, caller), out var id);
        byte[] body;
        try
        {
            body = await response.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            stream.Forget(id);
            throw;
        }

        return ResponseEnvelope.Read<TResult>(body, silo);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams.Values.Where(s => s.IsValueCreated))
        {
            await stream.Value.DisposeAsync();
        }

        _http.Dispose();
    }

    private SiloStream StreamTo(Uri silo)
    {
        while (true)
        {
            var stream = _streams.GetOrAdd(silo, static (s, http) => new Lazy<SiloStream>(() => SiloStream.Open(http, s)), _http);
            if (!stream.Value.IsBroken)
            {
                return stream.Value;
            }

            _streams.TryRemove(new KeyValuePair<Uri, Lazy<SiloStream>>(silo, stream));
        }
    }
}
