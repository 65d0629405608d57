namespace Mesh.Grains.Oracles;

/// <summary>The simulated feed's true path (geometric Brownian motion) and its sources.</summary>
internal sealed class SimulatedPriceFeedOptions
{
    /// <summary>Gets or sets the seed; the same seed and the same call times give the same observations.</summary>
    /// <value>The default is 1.</value>
    public ulong Seed { get; set; } = 1;

    /// <summary>Gets or sets the true price at the start.</summary>
    /// <value>The default is 2000.</value>
    public double InitialPrice { get; set; } = 2000.0;

    /// <summary>Gets or sets the annualised volatility of the true path (0: it moves only when set or crashed).</summary>
    /// <value>The default is 0.6.</value>
    public double AnnualVolatility { get; set; } = 0.6;

    /// <summary>Gets or sets the annualised drift μ of the true path.</summary>
    /// <value>The default is 0.</value>
    public double AnnualDrift { get; set; }

    /// <summary>Gets or sets the decimals of the observations.</summary>
    /// <value>The default is 8.</value>
    public int Decimals { get; set; } = 8;

    /// <summary>Gets or sets the days per year of the annualised parameters.</summary>
    /// <value>The default is 365.</value>
    public double DaysPerYear { get; set; } = 365.0;

    /// <summary>Gets the sources.</summary>
    /// <value>The default is none.</value>
    public IList<SimulatedSourceOptions> Sources { get; init; } = [];

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        Check(InitialPrice > 0.0 && double.IsFinite(InitialPrice), nameof(InitialPrice), "must be finite and positive");
        Check(AnnualVolatility >= 0.0 && double.IsFinite(AnnualVolatility), nameof(AnnualVolatility), "must be finite and not negative");
        Check(double.IsFinite(AnnualDrift), nameof(AnnualDrift), "must be finite");
        Check(Decimals is >= 0 and <= OraclePrice.MaxDecimals, nameof(Decimals), $"must be between 0 and {OraclePrice.MaxDecimals}");
        Check(DaysPerYear > 0.0 && double.IsFinite(DaysPerYear), nameof(DaysPerYear), "must be finite and positive");
        Check(Sources.Count > 0, nameof(Sources), "must list at least one source");
        Check(Sources.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() == Sources.Count, nameof(Sources), "must have distinct names");
        foreach (var source in Sources)
        {
            Check(!string.IsNullOrWhiteSpace(source.Name), nameof(SimulatedSourceOptions.Name), "must not be empty");
            Check(source.Noise >= 0.0 && double.IsFinite(source.Noise), nameof(SimulatedSourceOptions.Noise), $"of '{source.Name}' must be finite and not negative");
            Check(source.ManipulationFactor > 0.0 && double.IsFinite(source.ManipulationFactor), nameof(SimulatedSourceOptions.ManipulationFactor), $"of '{source.Name}' must be finite and positive");
        }
    }

    private static void Check(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{nameof(SimulatedPriceFeedOptions)}.{setting} {problem}.", setting);
        }
    }
}
