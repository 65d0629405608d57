using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mesh.Grains.Markets;

/// <summary>Creates and registers the simulated market venue.</summary>
public static class SimulatedMarket
{
    /// <summary>Creates a simulated venue.</summary>
    /// <param name="options">The markets; validated here.</param>
    /// <param name="timeProvider">The clock depth recovery runs on (a fake one in a simulation).</param>
    /// <returns>The venue, with its control surface.</returns>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public static ISimulatedMarketVenue Create(SimulatedMarketOptions options, TimeProvider timeProvider) =>
        new SimulatedMarketVenue(options, timeProvider);

    /// <summary>Registers one simulated venue as the silo's <see cref="IMarketVenue"/> and <see cref="ISimulatedMarketVenue"/> (a singleton on the registered <see cref="TimeProvider"/>).</summary>
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
            return Create(options, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IMarketVenue>(sp => sp.GetRequiredService<ISimulatedMarketVenue>());
        return services;
    }
}
