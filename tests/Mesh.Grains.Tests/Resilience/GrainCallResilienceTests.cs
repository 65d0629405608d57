using System.Reflection;
using Mesh.Grains.Resilience;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Polly;
using Polly.Timeout;

namespace Mesh.Grains.Tests.Resilience;

/// <summary>The retry pipeline for grain calls that are safe to repeat, on a fake clock.</summary>
public sealed class GrainCallResilienceTests
{
    private readonly FakeTimeProvider _clock = new();

    [Theory]
    [InlineData(nameof(SiloUnavailableException))]
    [InlineData(nameof(OrleansMessageRejectionException))]
    [InlineData(nameof(ConnectionFailedException))]
    [InlineData(nameof(GatewayTooBusyException))]
    public void IsTransient_ClusterRecoveryError_ReturnsTrue(string exception) =>
        Assert.True(GrainCallResilience.IsTransient(Create(exception)));

    [Theory]
    [InlineData(nameof(TimeoutException))]
    [InlineData(nameof(InconsistentStateException))]
    [InlineData(nameof(InvalidOperationException))]
    [InlineData(nameof(OperationCanceledException))]
    public void IsTransient_OtherError_ReturnsFalse(string exception) =>
        Assert.False(GrainCallResilience.IsTransient(Create(exception)));

    [Fact]
    public async Task ExecuteAsync_TransientErrorOnEveryAttempt_RetriesMaxRetryAttemptsThenSurfaces()
    {
        var options = new GrainCallResilienceOptions { MaxRetryAttempts = 3, TotalTimeout = TimeSpan.FromHours(1) };
        var sut = Build(options);
        var attempts = 0;

        var execution = sut.ExecuteAsync(_ =>
        {
            attempts++;
            return ValueTask.FromException(new SiloUnavailableException());
        }).AsTask();
        // The first retry waits for its back-off on the injected clock.
        Assert.Equal(1, attempts);
        await PipelineDriver.RunToCompletionAsync(_clock, execution, options.MaxDelay);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => execution);
        Assert.Equal(options.MaxRetryAttempts + 1, attempts);
    }

    [Fact]
    public async Task ExecuteAsync_TransientErrorThenSuccess_ReturnsTheResult()
    {
        var options = new GrainCallResilienceOptions { TotalTimeout = TimeSpan.FromHours(1) };
        var sut = Build(options);
        var attempts = 0;

        var execution = sut.ExecuteAsync(_ => ++attempts < 3
            ? ValueTask.FromException<int>(Rejection("silo shutting down"))
            : ValueTask.FromResult(attempts)).AsTask();
        await PipelineDriver.RunToCompletionAsync(_clock, execution, options.MaxDelay);

        Assert.Equal(3, await execution);
    }

    [Fact]
    public async Task ExecuteAsync_NonTransientError_SurfacesWithoutRetry()
    {
        var sut = Build(new GrainCallResilienceOptions());
        var attempts = 0;

        var execution = sut.ExecuteAsync(_ =>
        {
            attempts++;
            return ValueTask.FromException(new InconsistentStateException("version conflict"));
        }).AsTask();

        // No clock advance: nothing waits. The real-time bound only keeps a broken pipeline from hanging the test.
        await Assert.ThrowsAsync<InconsistentStateException>(() => execution.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ExecuteAsync_RetriesOutlastTotalTimeout_StopsAtTotalTimeout()
    {
        var options = new GrainCallResilienceOptions
        {
            MaxRetryAttempts = 1_000,
            FirstDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(1),
            TotalTimeout = TimeSpan.FromSeconds(5),
        };
        var sut = Build(options);
        var start = _clock.GetUtcNow();
        var attemptedAt = new List<DateTimeOffset>();

        var execution = sut.ExecuteAsync(_ =>
        {
            attemptedAt.Add(_clock.GetUtcNow());
            return ValueTask.FromException(new SiloUnavailableException());
        }).AsTask();
        await PipelineDriver.RunToCompletionAsync(_clock, execution, TimeSpan.FromMilliseconds(500));

        var exception = await Assert.ThrowsAsync<TimeoutRejectedException>(() => execution);
        Assert.Equal(options.TotalTimeout, exception.Timeout);
        Assert.InRange(attemptedAt.Count, 2, options.MaxRetryAttempts);
        Assert.All(attemptedAt, at => Assert.True(at - start < options.TotalTimeout, $"An attempt started {at - start} after the first, past the total timeout."));
        Assert.True(_clock.GetUtcNow() - start >= options.TotalTimeout, "The pipeline gave up before its total timeout.");
    }

    [Fact]
    public async Task ExecuteAsync_AttemptOutlastsTotalTimeout_CancelsItAtTotalTimeout()
    {
        var options = new GrainCallResilienceOptions { TotalTimeout = TimeSpan.FromSeconds(5) };
        var sut = Build(options);
        var attempts = 0;
        var cancelled = false;

        var execution = sut.ExecuteAsync(async cancellationToken =>
        {
            attempts++;
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled = cancellationToken.IsCancellationRequested;
                throw;
            }
        }).AsTask();
        _clock.Advance(options.TotalTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(execution.IsCompleted, "The attempt was given up before the total timeout.");
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => execution.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(cancelled, "The attempt's cancellation token was not cancelled.");
        Assert.Equal(1, attempts);
    }

    private ResiliencePipeline Build(GrainCallResilienceOptions options) =>
        GrainCallResilience.Configure(new ResiliencePipelineBuilder { TimeProvider = _clock }, options).Build();

    private static Exception Create(string name) => name switch
    {
        nameof(SiloUnavailableException) => new SiloUnavailableException(),
        nameof(OrleansMessageRejectionException) => Rejection("rejected"),
        nameof(ConnectionFailedException) => new ConnectionFailedException("connection refused"),
        nameof(GatewayTooBusyException) => new GatewayTooBusyException(),
        nameof(TimeoutException) => new TimeoutException(),
        nameof(InconsistentStateException) => new InconsistentStateException("version conflict"),
        nameof(InvalidOperationException) => new InvalidOperationException(),
        nameof(OperationCanceledException) => new OperationCanceledException(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such exception in the table."),
    };

    /// <summary>What a call gets when the target silo rejects it (Orleans creates these itself: the constructor is internal).</summary>
    private static OrleansMessageRejectionException Rejection(string message) =>
        (OrleansMessageRejectionException)Activator.CreateInstance(
            typeof(OrleansMessageRejectionException), BindingFlags.Instance | BindingFlags.NonPublic, binder: null, [message], culture: null)!;
}
