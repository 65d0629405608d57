using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Mesh.Grains.Resilience;

/// <summary>Registers the grain-call retry pipeline.</summary>
public static class GrainCallResilienceServiceCollectionExtensions
{
    /// <summary>Adds the pipeline under <see cref="GrainCallResilience.PipelineKey"/> (resolve it with <c>ResiliencePipelineProvider&lt;string&gt;</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the bounds.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddMeshGrainCallResilience(this IServiceCollection services, Action<GrainCallResilienceOptions>? configure = null)
    {
        var options = new GrainCallResilienceOptions();
        configure?.Invoke(options);
        services.AddResiliencePipeline(GrainCallResilience.PipelineKey, pipeline => GrainCallResilience.Configure(pipeline, options));
        return services;
    }
}
