namespace Mesh.Grains.Oracles;

/// <summary>
/// The simulated price feed (<c>Mesh:Oracles:SimulatedFeed</c>): when enabled, every asset's oracle also hears
/// <see cref="Sources"/>, which observe a geometric Brownian path with a little noise each <see cref="Interval"/>, so
/// that a mesh without external feeders still has live, moving prices (dev runs, demos, simulations).
/// </summary>
public sealed class SimulatedFeedOptions
{
    /// <summary>Gets or sets whether the feed runs.</summary>
    /// <value>The default is false: prices come only from feeders through the API.</value>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets how often the sources observe.</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the names of the simulated sources (added to every asset's oracle when the feed runs).</summary>
    /// <value>The default is <c>sim-1</c>, <c>sim-2</c>, <c>sim-3</c>.</value>
    public IList<string> Sources { get; set; } = ["sim-1", "sim-2", "sim-3"];

    /// <summary>Gets the USD price each asset's path starts at, unless its oracle already has a price.</summary>
    /// <value>The default is WETH 2000 and USDC 1; an asset missing here starts at 1.</value>
    public Dictionary<string, double> StartPrices { get; set; } = new(StringComparer.Ordinal) { ["WETH"] = 2000.0, ["USDC"] = 1.0 };

    /// <summary>Gets the annualized volatility of each asset's path.</summary>
    /// <value>The default is WETH 0.6 and USDC 0.01; an asset missing here moves at 0.5.</value>
    public Dictionary<string, double> Volatility { get; set; } = new(StringComparer.Ordinal) { ["WETH"] = 0.6, ["USDC"] = 0.01 };

    /// <summary>Gets or sets the seed of the paths and the noise (the same seed gives the same path from the same start).</summary>
    /// <value>The default is 1.</value>
    public ulong Seed { get; set; } = 1;

    /// <summary>Checks the settings, naming the first one out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Interval < TimeSpan.FromMilliseconds(100) || Interval > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"Mesh:Oracles:SimulatedFeed:Interval must be from 100 ms to 1 hour; it is {Interval}.");
        }

        if (Sources.Count == 0 || Sources.Any(string.IsNullOrWhiteSpace) || Sources.Distinct(StringComparer.Ordinal).Count() != Sources.Count)
        {
            throw new ArgumentException("Mesh:Oracles:SimulatedFeed:Sources must name at least one source, each once.");
        }

        foreach (var (asset, price) in StartPrices)
        {
            if (!(price > 0.0) || !double.IsFinite(price))
            {
                throw new ArgumentException($"Mesh:Oracles:SimulatedFeed:StartPrices:{asset} must be a positive price; it is {price}.");
            }
        }

        foreach (var (asset, volatility) in Volatility)
        {
            if (!(volatility >= 0.0 && volatility <= 5.0))
            {
                throw new ArgumentException($"Mesh:Oracles:SimulatedFeed:Volatility:{asset} must be from 0 to 5; it is {volatility}.");
            }
        }
    }
}
