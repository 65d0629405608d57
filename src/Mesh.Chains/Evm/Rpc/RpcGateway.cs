using Mesh.Chains.Clients;
using Microsoft.Extensions.Logging;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using Newtonsoft.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Mesh.Chains.Evm.Rpc;

/// <summary>
/// Sends JSON-RPC calls to a chain's endpoints in order of preference: an endpoint whose circuit is open is skipped,
/// a failing endpoint hands the call to the next one. Idempotent reads are retried with jittered back-off once every
/// endpoint failed; a transaction send is never retried (its caller resends the same signed bytes).
/// </summary>
internal sealed class RpcGateway : IDisposable
{
    private readonly string _chainName;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _reads;
    private long _requestId;

    public RpcGateway(string chainName, IReadOnlyList<Uri> urls, EvmChainOptions options, TimeProvider time, ILogger logger)
    {
        _chainName = chainName;
        _logger = logger;
        Endpoints = [.. urls.Select(u => new RpcEndpoint(chainName, u, options, time, logger))];
        var reads = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.ReadRetries > 0)
        {
            reads.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.ReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder().Handle<ChainClientException>(e => e.IsTransient),
            });
        }

        _reads = reads.Build();
    }

    public IReadOnlyList<RpcEndpoint> Endpoints { get; }

    /// <summary>Calls an idempotent method (a read), with retries.</summary>
    public Task<T> ReadAsync<T>(string method, CancellationToken cancellationToken, params object?[] parameters) =>
        _reads.ExecuteAsync(
            async (state, ct) => Result<T>(await SendAsync(state.method, state.parameters, idempotent: true, ct).ConfigureAwait(false)),
            (method, parameters),
            cancellationToken).AsTask();

    /// <summary>Calls a method that changes state (a send), once per endpoint at most, without retries.</summary>
    public async Task<T> WriteAsync<T>(string method, CancellationToken cancellationToken, params object?[] parameters) =>
        Result<T>(await SendAsync(method, parameters, idempotent: false, cancellationToken).ConfigureAwait(false));

    public void Dispose()
    {
        foreach (var endpoint in Endpoints)
        {
            endpoint.Dispose();
        }
    }

    private async Task<RpcResponseMessage> SendAsync(string method, object?[] parameters, bool idempotent, CancellationToken cancellationToken)
    {
        ChainClientException? last = null;
        foreach (var endpoint in Endpoints)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (endpoint.CircuitState == CircuitState.Open)
            {
                last ??= Unavailable($"the circuit of {RpcEndpoint.RedactedUrl(endpoint.Url)} is open");
                continue;
            }

            var request = new RpcRequestMessage(Interlocked.Increment(ref _requestId), method, parameters);
            try
            {
                return await endpoint.Pipeline.ExecuteAsync(
                    async (r, ct) => await Attempt(endpoint, r, ct).ConfigureAwait(false),
                    request,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (Classify(exception, endpoint) is { } failure)
            {
                EvmLog.EndpointFailed(_logger, _chainName, RpcEndpoint.RedactedUrl(endpoint.Url), method, failure.Code);
                last = failure;
                if (!idempotent && failure.Kind == ChainErrorKind.Timeout)
                {
                    throw failure;
                }
            }
        }

        throw last ?? Unavailable("no endpoint is configured");
    }

    private async Task<RpcResponseMessage> Attempt(RpcEndpoint endpoint, RpcRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await endpoint.Client.SendMessageAsync(request).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcClientUnknownException exception)
        {
            throw new ChainClientException(_chainName, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable,
                $"Chain '{_chainName}': {RpcEndpoint.RedactedUrl(endpoint.Url)} did not serve {request.Method}: {exception.InnerException?.Message ?? exception.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ChainClientException(_chainName, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable,
                $"Chain '{_chainName}': {RpcEndpoint.RedactedUrl(endpoint.Url)} did not serve {request.Method}: {exception.Message}", exception);
        }
        catch (RpcClientTimeoutException exception)
        {
            throw new ChainClientException(_chainName, ChainErrorKind.Timeout, ChainErrorCodes.Timeout,
                $"Chain '{_chainName}': {RpcEndpoint.RedactedUrl(endpoint.Url)} did not answer {request.Method} in time.", exception);
        }
        catch (JsonException exception)
        {
            throw new ChainClientException(_chainName, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse,
                $"Chain '{_chainName}': {RpcEndpoint.RedactedUrl(endpoint.Url)} sent an unreadable answer to {request.Method}.", exception);
        }
    }

    private ChainClientException? Classify(Exception exception, RpcEndpoint endpoint) => exception switch
    {
        ChainClientException chain when chain.IsTransient => chain,
        TimeoutRejectedException => new ChainClientException(_chainName, ChainErrorKind.Timeout, ChainErrorCodes.Timeout,
            $"Chain '{_chainName}': {RpcEndpoint.RedactedUrl(endpoint.Url)} did not answer in time.", exception),
        BrokenCircuitException => Unavailable($"the circuit of {RpcEndpoint.RedactedUrl(endpoint.Url)} is open"),
        _ => null,
    };

    private T Result<T>(RpcResponseMessage response)
    {
        if (response.HasError)
        {
            throw new RpcResponseException(new Nethereum.JsonRpc.Client.RpcError(response.Error.Code, response.Error.Message, response.Error.Data));
        }

        try
        {
            return response.GetResult<T>();
        }
        catch (JsonException exception)
        {
            throw new ChainClientException(_chainName, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse,
                $"Chain '{_chainName}': the node's answer is not a {typeof(T).Name}.", exception);
        }
    }

    private ChainClientException Unavailable(string why) =>
        new(_chainName, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable, $"Chain '{_chainName}' is unavailable: {why}.");
}
