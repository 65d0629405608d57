using Mesh.Chains.Clients;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Mesh.Chains.Evm.Rpc;

/// <summary>One RPC URL of a chain: its HTTP client, and a pipeline of a circuit breaker around a per-attempt timeout.</summary>
internal sealed class RpcEndpoint : IDisposable
{
    private readonly HttpClient _http;
    private readonly CircuitBreakerStateProvider _circuit = new();

    public RpcEndpoint(string chainName, Uri url, EvmChainOptions options, TimeProvider time, ILogger logger)
    {
        Url = url;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Client = new EndpointRpcClient(url, _http);
        var redacted = RedactedUrl(url);
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                StateProvider = _circuit,
                ShouldHandle = new PredicateBuilder().Handle<TimeoutRejectedException>().Handle<ChainClientException>(e => e.IsTransient),
                OnOpened = args =>
                {
                    EvmLog.CircuitOpened(logger, chainName, redacted, args.BreakDuration);
                    return default;
                },
                OnClosed = _ =>
                {
                    EvmLog.CircuitClosed(logger, chainName, redacted);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public Uri Url { get; }

    public EndpointRpcClient Client { get; }

    public ResiliencePipeline Pipeline { get; }

    public CircuitState CircuitState => _circuit.CircuitState;

    public void Dispose() => _http.Dispose();

    /// <summary>The URL without credentials, query or path (an API key can hide in any of them), for logs.</summary>
    public static string RedactedUrl(Uri url) => $"{url.Scheme}://{url.Host}:{url.Port}";
}
