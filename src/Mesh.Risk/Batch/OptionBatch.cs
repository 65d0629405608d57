namespace Mesh.Risk.Batch;

/// <summary>
/// A structure-of-arrays batch of European options: element <c>i</c> of every span describes option <c>i</c>.
/// All spans must have the same length.
/// </summary>
public readonly ref struct OptionBatch
{
    /// <summary>Initializes a new instance of the <see cref="OptionBatch"/> struct.</summary>
    /// <param name="spot">Underlying prices (&gt; 0).</param>
    /// <param name="strike">Strikes (&gt; 0).</param>
    /// <param name="rate">Risk-free rates (finite).</param>
    /// <param name="dividendYield">Continuous carries (finite).</param>
    /// <param name="volatility">Volatilities (≥ 0).</param>
    /// <param name="time">Times to expiry in years (≥ 0).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public OptionBatch(
        ReadOnlySpan<double> spot,
        ReadOnlySpan<double> strike,
        ReadOnlySpan<double> rate,
        ReadOnlySpan<double> dividendYield,
        ReadOnlySpan<double> volatility,
        ReadOnlySpan<double> time)
    {
        var n = spot.Length;
        if (strike.Length != n || rate.Length != n || dividendYield.Length != n || volatility.Length != n || time.Length != n)
        {
            throw new ArgumentException("All spans of an option batch must have the same length.");
        }

        Spot = spot;
        Strike = strike;
        Rate = rate;
        DividendYield = dividendYield;
        Volatility = volatility;
        Time = time;
    }

    /// <summary>Gets the underlying prices.</summary>
    public ReadOnlySpan<double> Spot { get; }

    /// <summary>Gets the strikes.</summary>
    public ReadOnlySpan<double> Strike { get; }

    /// <summary>Gets the risk-free rates.</summary>
    public ReadOnlySpan<double> Rate { get; }

    /// <summary>Gets the continuous carries.</summary>
    public ReadOnlySpan<double> DividendYield { get; }

    /// <summary>Gets the volatilities.</summary>
    public ReadOnlySpan<double> Volatility { get; }

    /// <summary>Gets the times to expiry.</summary>
    public ReadOnlySpan<double> Time { get; }

    /// <summary>Gets the number of options.</summary>
    public int Length => Spot.Length;
}
