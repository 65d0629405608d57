namespace Mesh.Risk.Portfolio;

/// <summary>Settings for <see cref="MonteCarloVar"/>.</summary>
public sealed class MonteCarloVarOptions
{
    /// <summary>Gets or sets the number of simulated paths (even when antithetic).</summary>
    /// <value>The default is 100 000.</value>
    public int Paths { get; set; } = 100_000;

    /// <summary>Gets or sets the horizon in days.</summary>
    /// <value>The default is 1.</value>
    public double HorizonDays { get; set; } = 1.0;

    /// <summary>Gets or sets the days per year used to scale annual volatility.</summary>
    /// <value>The default is 365 (markets that trade every day).</value>
    public double DaysPerYear { get; set; } = 365.0;

    /// <summary>Gets or sets the random seed; equal seeds give identical results.</summary>
    /// <value>The default is 1.</value>
    public ulong Seed { get; set; } = 1;

    /// <summary>Gets or sets a value indicating whether each normal draw Z is paired with −Z.</summary>
    /// <value>The default is true.</value>
    public bool Antithetic { get; set; } = true;

    /// <summary>Gets or sets the price process.</summary>
    /// <value>The default is <see cref="ReturnModel.LogNormal"/>.</value>
    public ReturnModel ReturnModel { get; set; } = ReturnModel.LogNormal;

    /// <summary>Gets or sets the volatility of option implied vols over the horizon (lognormal, per asset, independent).</summary>
    /// <value>The default is 0 (implied vols unchanged).</value>
    public double VolOfVol { get; set; }

    /// <summary>Gets or sets the number of batches used for batch-means standard errors.</summary>
    /// <value>The default is 20.</value>
    public int Batches { get; set; } = 20;

    internal void Validate()
    {
        if (Paths < 2 * Batches || Batches < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Paths), Paths, $"{nameof(Paths)} must be at least 2×{nameof(Batches)} and {nameof(Batches)} at least 2.");
        }

        if (!(HorizonDays > 0) || !(DaysPerYear > 0) || !(VolOfVol >= 0) || !double.IsFinite(HorizonDays + DaysPerYear + VolOfVol))
        {
            throw new ArgumentOutOfRangeException(nameof(HorizonDays), $"{nameof(HorizonDays)} and {nameof(DaysPerYear)} must be positive and {nameof(VolOfVol)} non-negative.");
        }
    }
}
