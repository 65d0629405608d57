namespace Mesh.Grains.Markets;

/// <summary>Creates the simulated market venue.</summary>
public static class SimulatedMarket
{
    /// <summary>Creates a simulated venue.</summary>
    /// <param name="options">The markets; validated here.</param>
    /// <param name="timeProvider">The clock depth recovery runs on (a fake one in a simulation).</param>
    /// <returns>The venue, with its control surface.</returns>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public static ISimulatedMarketVenue Create(SimulatedMarketOptions options, TimeProvider timeProvider) =>
        new SimulatedMarketVenue(options, timeProvider);
}
