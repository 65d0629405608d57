using Orleans.Runtime;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Mesh.Grains.Resilience;

/// <summary>
/// The retry pipeline for grain calls made inside the mesh while the cluster recovers from a failure: until a dead silo
/// is declared dead, calls to its grains fail with <see cref="SiloUnavailableException"/> or
/// <see cref="OrleansMessageRejectionException"/>. Such a call may or may not have run, so only calls that are safe to
/// repeat (reads, and writes made idempotent by an operation id) go through it.
/// </summary>
public static class GrainCallResilience
{
    /// <summary>The key of the pipeline in the Polly registry.</summary>
    public const string PipelineKey = "mesh.grain-call.safe-to-repeat";

    /// <summary>Whether an exception is a transient cluster error worth retrying.</summary>
    /// <param name="exception">The exception a grain call threw.</param>
    /// <returns><see langword="true"/> for errors that clear once membership converges.</returns>
    public static bool IsTransient(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or GatewayTooBusyException;

    /// <summary>Configures the pipeline: bounded retries with jittered exponential back-off under an overall deadline.</summary>
    /// <param name="pipeline">The pipeline builder.</param>
    /// <param name="options">The bounds.</param>
    /// <returns>The builder.</returns>
    public static ResiliencePipelineBuilder Configure(ResiliencePipelineBuilder pipeline, GrainCallResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        return pipeline
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstDelay,
                MaxDelay = options.MaxDelay,
            });
    }
}
