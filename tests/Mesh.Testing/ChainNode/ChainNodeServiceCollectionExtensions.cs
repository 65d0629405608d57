using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;
using Mesh.Testing.ChainNode;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points a silo's chains at a <see cref="SimulatedChainNode"/> instead of simulating its own.</summary>
public static class ChainNodeServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the <see cref="ISimulatedChainProvider"/> and <see cref="IChainClientProvider"/> that
    /// <c>AddSimulatedChains</c> registered (and through them the keyed chains) with clients of the node at
    /// <paramref name="node"/>, for the chains of the registered <see cref="ChainsConfiguration"/>. Call it after the
    /// mesh's grain services are added.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="node">The node's address.</param>
    /// <param name="callTimeout">How long one call may take before it is a <see cref="ChainErrorKind.Timeout"/>; 5 s when null.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection UseChainNode(this IServiceCollection services, Uri node, TimeSpan? callTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var timeout = callTimeout ?? TimeSpan.FromSeconds(5);
        services.Replace(ServiceDescriptor.Singleton<ISimulatedChainProvider>(sp =>
            new ChainNodeClientProvider(node, sp.GetRequiredService<ChainsConfiguration>(), timeout)));
        services.Replace(ServiceDescriptor.Singleton<IChainClientProvider>(sp => sp.GetRequiredService<ISimulatedChainProvider>()));
        return services;
    }

    /// <summary>Creates clients of the node's chains without a container (for tests of the node itself).</summary>
    /// <param name="node">The node's address.</param>
    /// <param name="configuration">The chains.</param>
    /// <param name="callTimeout">How long one call may take.</param>
    /// <returns>The provider; dispose it to close its connections.</returns>
    public static ISimulatedChainProvider CreateChainNodeClients(Uri node, ChainsConfiguration configuration, TimeSpan callTimeout) =>
        new ChainNodeClientProvider(node, configuration, callTimeout);
}
