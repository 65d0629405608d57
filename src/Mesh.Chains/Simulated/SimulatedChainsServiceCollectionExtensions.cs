using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers simulated chains.</summary>
public static class SimulatedChainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers one simulated chain per chain of <paramref name="configuration"/>: <see cref="IChainClientProvider"/>
    /// and <see cref="ISimulatedChainProvider"/> (one singleton), and each chain as a keyed <see cref="IChainClient"/>
    /// and <see cref="ISimulatedChain"/> under its name.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The validated <c>chains.json</c>.</param>
    /// <param name="timeProvider">The clock; when <see langword="null"/>, the registered <see cref="TimeProvider"/>, else <see cref="TimeProvider.System"/>.</param>
    /// <param name="configure">Adjusts the options, if given.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSimulatedChains(
        this IServiceCollection services,
        ChainsConfiguration configuration,
        TimeProvider? timeProvider = null,
        Action<SimulatedChainOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SimulatedChainOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddSingleton(sp => SimulatedChains.CreateProvider(
            configuration, timeProvider ?? sp.GetService<TimeProvider>() ?? TimeProvider.System, options));
        services.AddSingleton<IChainClientProvider>(sp => sp.GetRequiredService<ISimulatedChainProvider>());
        foreach (var chain in configuration.Chains)
        {
            var name = chain.Name;
            services.AddKeyedSingleton(name, (sp, _) => sp.GetRequiredService<ISimulatedChainProvider>().GetSimulated(name));
            services.AddKeyedSingleton<IChainClient>(name, (sp, _) => sp.GetRequiredKeyedService<ISimulatedChain>(name));
        }

        return services;
    }
}
