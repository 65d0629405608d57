using Mesh.Chains.Configuration;
using Mesh.Grains.Protocols;
using Mesh.Grains.Vaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mesh.Grains.Hosting;

/// <summary>Registers what the mesh's grains need: the chains, the clock and the domain options.</summary>
public static class MeshGrainsServiceCollectionExtensions
{
    /// <summary>Adds the mesh's grain services.</summary>
    /// <param name="services">The services.</param>
    /// <param name="chains">The validated chains configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddMeshGrains(this IServiceCollection services, ChainsConfiguration chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        services.TryAddSingleton(chains);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ProtocolAdmissionOptions>();
        services.AddOptions<VaultRiskOptions>().Validate(o =>
        {
            o.Validate();
            return true;
        });
        return services;
    }
}
