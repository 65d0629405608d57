using Mesh.Grains.Markets;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>
/// What a vault below its band sells: its largest collateral that the venue has a market for, enough that repaying
/// debt with the proceeds brings the health factor back to the band's target. Selling a value x of collateral with
/// haircut h takes x·(1 − h) off the collateral after haircuts and x off the obligations, so
/// x = (T·O − C) ÷ (T − (1 − h)) for a target T, obligations O and collateral after haircuts C. Below a health factor of
/// 1 the vault is liquidated: at least a close factor of its debt (50%, all of it below 0.95, as Aave v3) is sold.
/// The figure is a request; the coordinator may grant less, and the next revaluation sizes the rest. The plan carries
/// the collateral's haircut: the margin a unit sold frees, which the coordinator weighs against the sale's spillover.
/// </summary>
internal sealed record SalePlan(string Asset, UInt128 Quantity, double Haircut)
{
    internal static SalePlan? Choose(VaultHealth health, IMarketVenue venue, VaultRiskOptions options)
    {
        if (health.HealthFactor is not { } hf)
        {
            return null;
        }

        CollateralLine? line = null;
        foreach (var c in health.Collateral)
        {
            if (c.Amount > UInt128.Zero && c.Price > 0 && (line is null || c.Value > line.Value) && venue.Conditions(c.Asset) is not null)
            {
                line = c;
            }
        }

        if (line is null)
        {
            return null;
        }

        var target = (options.BandMin + options.BandMax) / 2.0;
        var denominator = target - (1.0 - line.Haircut);
        var value = denominator > 0 ? Math.Max(0.0, ((target * health.Obligations) - health.CollateralValueAfterHaircuts) / denominator) : line.Value;
        if (hf < 1.0)
        {
            var debt = health.Debt.Sum(d => d.Value);
            value = Math.Max(value, (hf < 0.95 ? 1.0 : 0.5) * debt);
        }

        value = Math.Min(value, line.Value);
        var units = value / line.Price;
        var quantity = ToBaseUnits(units, line.Decimals);
        quantity = UInt128.Min(quantity, line.Amount);
        return quantity == UInt128.Zero ? null : new SalePlan(line.Asset, quantity, Math.Clamp(line.Haircut, 0.0, 0.999999));
    }

    /// <summary>Whole units to base units, rounded down (a sizing, never a movement of money).</summary>
    internal static UInt128 ToBaseUnits(double units, int decimals)
    {
        if (!(units > 0) || !double.IsFinite(units))
        {
            return UInt128.Zero;
        }

        try
        {
            return (UInt128)decimal.Floor((decimal)units * (decimal)Pools.FixedPoint.Pow10(decimals));
        }
        catch (OverflowException)
        {
            return UInt128.MaxValue; // beyond decimal's range: the caller caps it at the vault's holding
        }
    }
}
