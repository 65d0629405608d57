using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mesh.Grains.Markets;

/// <summary>Registers the simulated market venue.</summary>
public static class SimulatedMarketServiceCollectionExtensions
{
    /// <summary>
    /// Registers one simulated venue as the silo's <see cref="IMarketVenue"/> and <see cref="ISimulatedMarketVenue"/>
    /// (one singleton on the registered <see cref="TimeProvider"/>; the system clock if none is).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adds the markets.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSimulatedMarketVenue(this IServiceCollection services, Action<SimulatedMarketOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISimulatedMarketVenue>(sp =>
        {
            var options = new SimulatedMarketOptions();
            configure(options);
            return SimulatedMarket.Create(options, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IMarketVenue>(sp => sp.GetRequiredService<ISimulatedMarketVenue>());
        return services;
    }

    /// <summary>
    /// Registers a simulated perp venue as the silo's <see cref="IPerpVenue"/>, over the registered spot
    /// <see cref="IMarketVenue"/> (register that too).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the settings; null keeps the defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSimulatedPerpVenue(this IServiceCollection services, Action<SimulatedPerpOptions>? configure = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPerpVenue>(sp =>
        {
            var options = new SimulatedPerpOptions();
            configure?.Invoke(options);
            return new SimulatedPerpVenue(sp.GetRequiredService<IMarketVenue>(), options, sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
