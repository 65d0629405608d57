using Mesh.Grains.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.Registry;

namespace Mesh.Grains.Tests.Resilience;

public sealed class GrainCallResilienceServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddMeshGrainCallResilience_WithBounds_RegistersPipelineWithThoseBounds()
    {
        var clock = new FakeTimeProvider();
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddMeshGrainCallResilience(o => (o.MaxRetryAttempts, o.TotalTimeout) = (2, TimeSpan.FromHours(1)))
            .BuildServiceProvider();
        var sut = services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(GrainCallResilience.PipelineKey);
        var attempts = 0;

        var execution = sut.ExecuteAsync(_ =>
        {
            attempts++;
            return ValueTask.FromException(new SiloUnavailableException());
        }).AsTask();
        await PipelineDriver.RunToCompletionAsync(clock, execution, new GrainCallResilienceOptions().MaxDelay);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => execution);
        Assert.Equal(3, attempts);
    }
}
