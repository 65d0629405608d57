namespace Mesh.Risk.Portfolio;

/// <summary>Assets, their correlation, and positions on them.</summary>
public sealed record RiskPortfolio
{
    /// <summary>Initializes a new instance of the <see cref="RiskPortfolio"/> class.</summary>
    /// <param name="assets">The risk factors.</param>
    /// <param name="correlation">Correlation of the assets' returns (n × n, PSD, unit diagonal).</param>
    /// <param name="positions">Positions referencing assets by index.</param>
    /// <param name="rate">Risk-free rate for option repricing.</param>
    /// <exception cref="ArgumentException">Dimensions or indices do not match, or an input is invalid.</exception>
    public RiskPortfolio(IReadOnlyList<RiskAsset> assets, double[,] correlation, IReadOnlyList<Position> positions, double rate = 0.0)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(correlation);
        ArgumentNullException.ThrowIfNull(positions);
        var n = assets.Count;
        if (correlation.GetLength(0) != n || correlation.GetLength(1) != n)
        {
            throw new ArgumentException($"Correlation must be {n}×{n}.", nameof(correlation));
        }

        foreach (var a in assets)
        {
            if (!(a.Spot > 0.0) || !double.IsFinite(a.Spot) || !(a.Volatility >= 0.0) || !double.IsFinite(a.Volatility))
            {
                throw new ArgumentException($"Asset {a.Name} needs a positive spot and non-negative volatility.", nameof(assets));
            }
        }

        foreach (var p in positions)
        {
            if (p.AssetIndex < 0 || p.AssetIndex >= n || !double.IsFinite(p.Quantity))
            {
                throw new ArgumentException($"Position {p} references a missing asset or has a non-finite quantity.", nameof(positions));
            }

            if (p is OptionPosition o && (!(o.Strike > 0) || !(o.Expiry > 0) || !(o.ImpliedVolatility > 0)))
            {
                throw new ArgumentException($"Option {o} needs positive strike, expiry and implied volatility.", nameof(positions));
            }
        }

        Assets = assets;
        Correlation = correlation;
        Positions = positions;
        Rate = rate;
    }

    /// <summary>Gets the risk factors.</summary>
    public IReadOnlyList<RiskAsset> Assets { get; }

    /// <summary>Gets the correlation matrix of asset returns.</summary>
    public double[,] Correlation { get; }

    /// <summary>Gets the positions.</summary>
    public IReadOnlyList<Position> Positions { get; }

    /// <summary>Gets the risk-free rate used to reprice options.</summary>
    public double Rate { get; }

    /// <summary>Index of the asset named <paramref name="name"/>.</summary>
    /// <param name="name">Asset name.</param>
    /// <returns>The index.</returns>
    /// <exception cref="KeyNotFoundException">No such asset.</exception>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Assets.Count; i++)
        {
            if (Assets[i].Name == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"Asset '{name}' is not in the portfolio.");
    }
}
