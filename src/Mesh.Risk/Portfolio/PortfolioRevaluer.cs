using Mesh.Risk.Options;

namespace Mesh.Risk.Portfolio;

/// <summary>Full revaluation of a portfolio under moved spots and volatilities after an elapsed time.</summary>
internal sealed class PortfolioRevaluer
{
    private readonly RiskPortfolio _portfolio;
    private readonly double[] _linear;
    private readonly OptionPosition[] _options;
    private readonly double[] _optionBase;
    private readonly double _elapsed;

    internal PortfolioRevaluer(RiskPortfolio portfolio, double elapsedYears)
    {
        _portfolio = portfolio;
        _elapsed = elapsedYears;
        _linear = new double[portfolio.Assets.Count];
        foreach (var p in portfolio.Positions.Where(p => p is not OptionPosition))
        {
            _linear[p.AssetIndex] += p.Quantity;
        }

        _options = [.. portfolio.Positions.OfType<OptionPosition>()];
        _optionBase = [.. _options.Select(o => BlackScholes.PriceUnchecked(o.Type, portfolio.Assets[o.AssetIndex].Spot, o.Strike, portfolio.Rate, 0.0, o.ImpliedVolatility, o.Expiry))];
    }

    /// <summary>Gets the net linear quantity (spot + perps) per asset.</summary>
    internal ReadOnlySpan<double> LinearQuantities => _linear;

    internal bool HasOptions => _options.Length > 0;

    /// <summary>P&amp;L when spots move to <paramref name="spots"/> and implied vols scale by <paramref name="volMultipliers"/>.</summary>
    internal double PnL(ReadOnlySpan<double> spots, ReadOnlySpan<double> volMultipliers)
    {
        var pnl = 0.0;
        for (var i = 0; i < _linear.Length; i++)
        {
            pnl += _linear[i] * (spots[i] - _portfolio.Assets[i].Spot);
        }

        return pnl + OptionPnL(spots, volMultipliers);
    }

    internal double OptionPnL(ReadOnlySpan<double> spots, ReadOnlySpan<double> volMultipliers)
    {
        var pnl = 0.0;
        for (var j = 0; j < _options.Length; j++)
        {
            var o = _options[j];
            var remaining = Math.Max(o.Expiry - _elapsed, 0.0);
            var value = BlackScholes.PriceUnchecked(o.Type, spots[o.AssetIndex], o.Strike, _portfolio.Rate, 0.0, o.ImpliedVolatility * volMultipliers[o.AssetIndex], remaining);
            pnl += o.Quantity * (value - _optionBase[j]);
        }

        return pnl;
    }

    /// <summary>P&amp;L of the positions on one asset only.</summary>
    internal double AssetPnL(int asset, double spot, double volMultiplier)
    {
        var pnl = _linear[asset] * (spot - _portfolio.Assets[asset].Spot);
        for (var j = 0; j < _options.Length; j++)
        {
            var o = _options[j];
            if (o.AssetIndex != asset)
            {
                continue;
            }

            var remaining = Math.Max(o.Expiry - _elapsed, 0.0);
            var value = BlackScholes.PriceUnchecked(o.Type, spot, o.Strike, _portfolio.Rate, 0.0, o.ImpliedVolatility * volMultiplier, remaining);
            pnl += o.Quantity * (value - _optionBase[j]);
        }

        return pnl;
    }
}
