using Mesh.Chains.Clients;
using Mesh.Chains.Diagnostics;

namespace Mesh.Chains.Simulated;

internal sealed partial class SimulatedChain
{
    /// <summary>
    /// Runs one client call: telemetry, injected latency, due blocks, injected faults, then <paramref name="body"/>
    /// under the lock. An injected timeout on a call with <paramref name="appliesOnTimeout"/> runs the body first
    /// (the request reached the node, the answer was lost).
    /// </summary>
    private async Task<T> CallAsync<T>(string method, Func<T> body, CancellationToken cancellationToken, bool appliesOnTimeout = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = _time.GetTimestamp();
        var activity = ChainRpcTelemetry.Start(ChainName, method);
        string? error = null;
        try
        {
            TimeSpan latency;
            lock (_gate)
            {
                latency = _faults.Latency;
            }

            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, _time, cancellationToken).ConfigureAwait(false);
            }

            lock (_gate)
            {
                CatchUp();
                var fault = _faults.Next(_random);
                if (fault is null)
                {
                    return body();
                }

                if (fault == ChainErrorKind.Timeout && appliesOnTimeout)
                {
                    body();
                }

                throw Fault(fault.Value, method);
            }
        }
        catch (Exception exception)
        {
            error = exception is ChainClientException chainError ? chainError.Code : exception.GetType().FullName;
            throw;
        }
        finally
        {
            ChainRpcTelemetry.Record(activity, ChainName, method, _time.GetElapsedTime(started), error);
        }
    }

    private ChainClientException Fault(ChainErrorKind kind, string method)
    {
        var code = kind switch
        {
            ChainErrorKind.Timeout => ChainErrorCodes.Timeout,
            ChainErrorKind.Unavailable => ChainErrorCodes.Unavailable,
            ChainErrorKind.InvalidResponse => ChainErrorCodes.InvalidResponse,
            _ => ChainErrorCodes.InvalidOperation,
        };
        return new ChainClientException(ChainName, kind, code, $"Chain '{ChainName}': injected {kind} fault on {method}.");
    }
}
