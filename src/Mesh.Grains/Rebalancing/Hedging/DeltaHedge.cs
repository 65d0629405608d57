using System.Numerics;
using Mesh.Grains.Vaults;
using Mesh.Rebalancing;
using Mesh.Vaults;

namespace Mesh.Grains.Rebalancing.Hedging;

/// <summary>
/// Delta-neutrality advice for a vault. Per risky underlying, the net delta is what the vault holds of it minus what it
/// owes of it (a unit held is a delta of one) plus the delta of its reported exposures (Black-Scholes for options,
/// the size for perps, as <see cref="ExposurePortfolio"/> computes them for the vault's health). When the net delta's
/// USD value leaves the band, the advice is a perp hedge of the opposite sign that brings it back to zero, in base
/// units of the underlying. Stable assets carry no delta.
/// </summary>
internal static class DeltaHedge
{
    /// <summary>Advises a vault.</summary>
    /// <param name="vault">The vault.</param>
    /// <param name="balances">Its balances and debt in base units, with the decimals of every asset it holds, owes or is exposed to.</param>
    /// <param name="markets">The markets (prices) the vault values itself at.</param>
    /// <param name="exposures">The net Greeks of its exposures per underlying.</param>
    /// <param name="isStable">Which assets are stable.</param>
    /// <param name="options">The band and minimum hedge.</param>
    /// <param name="now">When.</param>
    /// <returns>The advice.</returns>
    public static HedgeAdvice Advise(
        VaultKey vault,
        VaultBalances balances,
        IReadOnlyDictionary<string, AssetMarket> markets,
        IReadOnlyList<UnderlyingGreeks> exposures,
        Func<string, bool> isStable,
        HedgeOptions options,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(isStable);
        ArgumentNullException.ThrowIfNull(options);
        var stale = false;
        var collateral = 0.0;
        foreach (var (asset, amount) in balances.Collateral)
        {
            if (amount == UInt128.Zero)
            {
                continue;
            }

            if (markets.TryGetValue(asset, out var market))
            {
                collateral += VaultBalances.ToUnits(amount, balances.Decimals[asset]) * market.Price;
                stale |= market.Stale;
            }
            else
            {
                stale = true;
            }
        }

        var band = options.Band(collateral);
        var underlyings = balances.Collateral.Where(b => b.Value > UInt128.Zero).Select(b => b.Key)
            .Concat(balances.Debt.Where(d => d.Value > UInt128.Zero).Select(d => d.Key))
            .Concat(exposures.Select(g => g.Underlying))
            .Where(a => !isStable(a))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var lines = new List<UnderlyingHedge>();
        foreach (var asset in underlyings)
        {
            if (!markets.TryGetValue(asset, out var market))
            {
                stale = true;
                continue;
            }

            stale |= market.Stale;
            lines.Add(Line(asset, market.Price, balances.Decimals[asset], balances, exposures.FirstOrDefault(g => g.Underlying == asset)?.Delta ?? 0.0, band));
        }

        return new HedgeAdvice(vault, collateral, band, lines, stale, now);
    }

    private static UnderlyingHedge Line(string asset, double price, int decimals, VaultBalances balances, double exposureDelta, double band)
    {
        var scale = Math.Pow(10, decimals);
        var holdings = (BigInteger)balances.Collateral.GetValueOrDefault(asset) - (BigInteger)balances.Debt.GetValueOrDefault(asset);
        var net = holdings + new BigInteger(Math.Round(exposureDelta * scale));
        var netDelta = (double)net / scale;
        var netUsd = netDelta * price;
        if (Math.Abs(netUsd) <= band)
        {
            return new UnderlyingHedge(asset, price, decimals, (double)holdings / scale, exposureDelta, netDelta, netUsd, null, UInt128.Zero, 0.0, netDelta, netUsd);
        }

        var quantity = (UInt128)BigInteger.Abs(net);
        var side = net.Sign > 0 ? PositionSide.Short : PositionSide.Long;
        return new UnderlyingHedge(asset, price, decimals, (double)holdings / scale, exposureDelta, netDelta, netUsd, side, quantity, Math.Abs(netUsd), 0.0, 0.0);
    }
}
