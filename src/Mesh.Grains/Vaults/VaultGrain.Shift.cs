using Mesh.Grains.Markets;
using Mesh.Rebalancing;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>
/// The predictive shift (<c>RebalanceSettings.Predictive</c>): a vault inside its band follows its allocation
/// policy on the oracle's forecast regime, so that when the GARCH forecast turns the regime, the floor on its stable
/// share rises and it sells risky collateral into the stable asset through its coordinator, before the price has taken
/// its health factor to the band; in a calm regime it does nothing (the calm floor stays advice, as the band leaves a
/// healthy vault's mix to its protocol). A shift is a sale like any other (the same grant, saga and idempotency) whose
/// request ids read <c>shift-N</c>; its proceeds stay in the vault as stable collateral instead of repaying debt, so the
/// stable share reaches the floor and the policy stops advising. It waits behind every vault below its band (its health
/// factor orders it), and a vault that falls below its band sells for health instead.
/// </summary>
internal sealed partial class VaultGrain
{
    private const string ShiftPrefix = "shift-";

    /// <summary>Starts, continues or ends a shift on the allocation policy's predictive advice.</summary>
    private async Task ShiftAsync(string? open, VaultHealth health, double hf, IMarketVenue venue, CancellationToken cancellationToken)
    {
        var s = state.State;
        if (open is not null)
        {
            var known = await Coordinator(open).Status(open, cancellationToken);
            switch (known?.Status)
            {
                case GrantStatus.Granted:
                    await SellUnder(known, liquidation: false, cancellationToken);
                    return;
                case GrantStatus.Queued:
                    return;
                default:
                    await CloseRequest(open, cancellationToken);
                    return;
            }
        }

        // The shift is the forecast's: in a calm regime the vault's mix is its protocol's choice and the calm floor stays advice.
        var advice = await AllocationAdvice(predictive: true, cancellationToken);
        if (!advice.Rebalance || advice.Stale || advice.Regime == Mesh.Oracles.MarketRegime.Calm)
        {
            return;
        }

        // The venue sells for its quote asset: shift the risky line it has a market for, when that is the stable asset bought.
        var line = advice.Assets.FirstOrDefault(a => a.Sell > UInt128.Zero && venue.Conditions(a.Asset) is { } market && advice.Assets.Any(b => b.Buy > UInt128.Zero && b.Asset == market.QuoteAsset));
        if (line is null)
        {
            return;
        }

        var quantity = UInt128.Min(line.Sell, s.Balances.GetValueOrDefault(line.Asset));
        if (quantity == UInt128.Zero)
        {
            return;
        }

        // The coordinator weighs the margin the shift frees: the risky line's haircut less the one its proceeds will take.
        var haircut = health.Collateral.FirstOrDefault(c => c.Asset == line.Asset)?.Haircut is { } h ? Math.Clamp(h, 0.0, 0.999999) : (double?)null;
        var proceedsHaircut = haircut is null ? null : await ProceedsHaircutAsync(line.Asset, quantity, venue.Conditions(line.Asset)!.QuoteAsset, cancellationToken);
        var requestId = $"{Key}/{line.Asset}/{ShiftPrefix}{s.Sales.Next}";
        s.Sales.OpenRequest = requestId;
        s.Sales.Next++;
        await state.WriteStateAsync(cancellationToken);
        var grant = await GrainFactory.GetGrain<IRebalanceCoordinatorGrain>(line.Asset)
            .Request(new SaleRequest(requestId, Key.ToString(), Key.ProtocolId, quantity, hf, Liquidation: false, haircut, proceedsHaircut), cancellationToken);
        if (grant.Status == GrantStatus.Granted)
        {
            await SellUnder(grant, liquidation: false, cancellationToken);
        }
        else if (grant.Status != GrantStatus.Queued)
        {
            await CloseRequest(requestId, cancellationToken);
        }
    }

    /// <summary>
    /// The haircut the vault will take on its stable line once the shift's proceeds join it (valued at the risky
    /// line's price, before costs); null when either asset has no price (the shift is then weighed as if its proceeds
    /// repaid debt).
    /// </summary>
    private async Task<double?> ProceedsHaircutAsync(string risky, UInt128 quantity, string stable, CancellationToken cancellationToken)
    {
        var markets = await Markets([risky, stable], requirePrice: false, cancellationToken);
        if (!markets.TryGetValue(risky, out var sold) || !markets.TryGetValue(stable, out var kept))
        {
            return null;
        }

        var held = state.State.Balances.GetValueOrDefault(stable);
        var value = (Units(quantity, DecimalsOf(risky)) * sold.Price) + (Units(held, DecimalsOf(stable)) * kept.Price);
        return Math.Clamp(VaultRiskModel.ProspectiveHaircut(stable, value, kept, riskOptions.Value, _haircuts, time.GetUtcNow()), 0.0, 0.999999);
    }

    /// <summary>Whether a request id or operation id is a shift's.</summary>
    private static bool IsShift(string id) => id[(id.LastIndexOf('/') + 1)..].StartsWith(ShiftPrefix, StringComparison.Ordinal);
}
