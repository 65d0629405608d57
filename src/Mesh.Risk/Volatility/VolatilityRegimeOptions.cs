namespace Mesh.Risk.Volatility;

/// <summary>Thresholds for <see cref="VolatilityRegimeClassifier"/>, as ratios of forecast to long-run volatility.</summary>
public sealed class VolatilityRegimeOptions
{
    /// <summary>Gets or sets the ratio above which the regime is elevated.</summary>
    /// <value>The default is 1.25.</value>
    public double ElevatedRatio { get; set; } = 1.25;

    /// <summary>Gets or sets the ratio at or above which the regime is stressed.</summary>
    /// <value>The default is 2.0.</value>
    public double StressedRatio { get; set; } = 2.0;

    internal void Validate()
    {
        if (!(ElevatedRatio > 0.0 && StressedRatio > ElevatedRatio) || !double.IsFinite(StressedRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(StressedRatio), $"{nameof(VolatilityRegimeOptions)} needs 0 < {nameof(ElevatedRatio)} < {nameof(StressedRatio)}.");
        }
    }
}
