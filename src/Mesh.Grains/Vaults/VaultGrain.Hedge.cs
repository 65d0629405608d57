using System.Numerics;
using Mesh.Errors;
using Mesh.Grains.Markets;
using Mesh.Grains.Rebalancing;
using Mesh.Rebalancing;
using Mesh.Vaults;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Grains.Vaults;

/// <summary>
/// Delta neutrality executed: a vault with <see cref="RebalanceSettings.Hedge"/> trades perps through the market seam
/// (<see cref="IPerpVenue"/>) whenever its delta advice leaves the band, instead of selling collateral. A short hedge
/// adds sell pressure on its underlying's perp book, so it goes under a grant of that perp market's coordinator
/// (<c>ASSET-PERP</c>, sized from the perp book's depth, claiming the one global budget; partial grants trade what was
/// granted; the advice asks again at the next price); a long hedge trades at once. One request at a time, a saga like a sale's: the request id is written before the coordinator or the venue
/// sees it, the venue's fill is idempotent by that id, the position is written with the fill, and the grant is
/// completed after that write, so a crash anywhere neither trades twice nor leaks the grant. The positions count in the
/// vault's health and advice as perp exposures (ids <c>mesh-hedge:ASSET</c>); a position's realized profit or loss stays
/// in the venue's margin account and is reported, not credited to the vault's balances.
/// </summary>
internal sealed partial class VaultGrain
{
    internal const string HedgeExposurePrefix = "mesh-hedge:";

    /// <summary>What a hedge's coordinator request id carries (<c>vault/ASSET/hedge-N</c>; it goes to the coordinator of ASSET's perp market).</summary>
    internal const string HedgeRequestMarker = "/hedge-";

    private IPerpVenue? _perps;

    private IPerpVenue? Perps => _perps ??= ServiceProvider.GetService<IPerpVenue>();

    private IRebalanceCoordinatorGrain HedgeCoordinator(string requestId) =>
        GrainFactory.GetGrain<IRebalanceCoordinatorGrain>(CoordinatorMarkets.Perp(AssetOf(requestId)));

    /// <summary>After a revaluation (<paramref name="health"/>, just computed): finishes the hedge request in progress, or starts one when the delta left its band.</summary>
    private async Task HedgeAfter(VaultHealth health, CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.Rebalancing is not { Hedge: true } || Perps is not { } perps)
        {
            return;
        }

        try
        {
            if (s.Hedges.OpenRequest is not null)
            {
                await FollowHedge(perps, cancellationToken);
                return;
            }

            var advice = await HedgeAdvice(cancellationToken);
            if (advice.Stale || advice.Underlyings.Where(u => u.Side is not null && u.Quantity > UInt128.Zero).MaxBy(u => u.NotionalUsd) is not { } hedge)
            {
                return;
            }

            var sells = hedge.Side == PositionSide.Short;
            var requestId = $"{Key}/{hedge.Underlying}{HedgeRequestMarker}{s.Hedges.Next}";
            (s.Hedges.OpenRequest, s.Hedges.OpenSells, s.Hedges.OpenQuantity, s.Hedges.Applied) = (requestId, sells, hedge.Quantity, UInt128.Zero);
            s.Hedges.Next++;
            await state.WriteStateAsync(cancellationToken);
            if (!sells)
            {
                await TradeHedge(perps, requestId, hedge.Quantity, cancellationToken);
                return;
            }

            var grant = await HedgeCoordinator(requestId).Request(new SaleRequest(requestId, Key.ToString(), Key.ProtocolId, hedge.Quantity, Math.Max(health.HealthFactor ?? 10.0, 0.0), Liquidation: false), cancellationToken);
            await OnHedgeGrant(perps, grant, cancellationToken);
        }
        catch (MeshException)
        {
            // The delta stands; the next revaluation asks again.
        }
        catch (Exception transient) when (IsTransient(transient))
        {
            // As above: a coordinator or venue that did not answer is asked again at the next price.
        }
    }

    private async Task FollowHedge(IPerpVenue perps, CancellationToken cancellationToken)
    {
        var h = state.State.Hedges;
        var requestId = h.OpenRequest!;
        if (h.Applied > UInt128.Zero || !h.OpenSells)
        {
            // Filled and written (a sale's grant still to complete), or a buy whose trade is to be taken (idempotent).
            await (h.Applied > UInt128.Zero ? CompleteHedge(requestId, h.Applied, cancellationToken) : TradeHedge(perps, requestId, h.OpenQuantity, cancellationToken));
            return;
        }

        if (await HedgeCoordinator(requestId).Status(requestId, cancellationToken) is { } grant)
        {
            await OnHedgeGrant(perps, grant, cancellationToken);
        }
        else
        {
            await CloseHedge(cancellationToken); // the coordinator never saw it (a crash before the request)
        }
    }

    private async Task OnHedgeGrant(IPerpVenue perps, SaleGrant grant, CancellationToken cancellationToken)
    {
        switch (grant.Status)
        {
            case GrantStatus.Granted:
                await TradeHedge(perps, grant.RequestId, grant.Granted, cancellationToken);
                break;
            case GrantStatus.Queued:
                break; // the coordinator grants it in a later round; the next revaluation looks
            default:
                await CloseHedge(cancellationToken);
                break;
        }
    }

    /// <summary>Trades (idempotent at the venue by the request id), writes the position with the fill, then completes a sale's grant.</summary>
    private async Task TradeHedge(IPerpVenue perps, string requestId, UInt128 quantity, CancellationToken cancellationToken)
    {
        var s = state.State;
        var underlying = AssetOf(requestId);
        var fill = await perps.TradeAsync(new PerpOrder(requestId, underlying, quantity, s.Hedges.OpenSells, Key.ToString()), cancellationToken);
        var decimals = DecimalsOf(underlying);
        var had = s.Hedges.Positions.GetValueOrDefault(underlying);
        var position = Net(had, fill, decimals);
        var realized = Realized(had, fill, decimals);
        if (position.Quantity == UInt128.Zero)
        {
            s.Hedges.Positions.Remove(underlying);
        }
        else
        {
            s.Hedges.Positions[underlying] = position;
        }

        s.Hedges.Applied = fill.Quantity;
        var realizedBefore = s.Hedges.RealizedUsd;
        s.Hedges.RealizedUsd += realized;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            if (had is null)
            {
                s.Hedges.Positions.Remove(underlying);
            }
            else
            {
                s.Hedges.Positions[underlying] = had;
            }

            s.Hedges.Applied = UInt128.Zero;
            s.Hedges.RealizedUsd = realizedBefore;
            throw;
        }

        _expectedShortfall = null; // the book changed: its shortfall is simulated again at the next revaluation
        await CompleteHedge(requestId, fill.Quantity, cancellationToken);
    }

    private async Task CompleteHedge(string requestId, UInt128 executed, CancellationToken cancellationToken)
    {
        if (state.State.Hedges.OpenSells)
        {
            try
            {
                await HedgeCoordinator(requestId).Complete(requestId, executed, cancellationToken);
            }
            catch (MeshException e) when (e.Kind is MeshErrorKind.Conflict or MeshErrorKind.NotFound)
            {
                // The grant ended before the completion reached it (it expired, and its room came back then): the trade
                // stands in the position; there is nothing left to complete.
            }
        }

        await CloseHedge(cancellationToken);
    }

    private async Task CloseHedge(CancellationToken cancellationToken)
    {
        var h = state.State.Hedges;
        var before = (h.OpenRequest, h.OpenSells, h.OpenQuantity, h.Applied);
        (h.OpenRequest, h.OpenSells, h.OpenQuantity, h.Applied) = (null, false, UInt128.Zero, UInt128.Zero);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            (h.OpenRequest, h.OpenSells, h.OpenQuantity, h.Applied) = before;
            throw;
        }
    }

    /// <summary>A position after a fill: the same side grows at the size-weighted entry; the other side shrinks, and a fill past zero opens the rest at the fill's price.</summary>
    private static HedgePositionState Net(HedgePositionState? had, PerpFill fill, int decimals)
    {
        var impact = (double)(fill.Sell ? fill.Mark - fill.AveragePrice : fill.AveragePrice - fill.Mark) * Units(fill.Quantity, decimals);
        var signedHad = had is null ? BigInteger.Zero : (had.IsShort ? -(BigInteger)had.Quantity : (BigInteger)had.Quantity);
        var signedFill = fill.Sell ? -(BigInteger)fill.Quantity : (BigInteger)fill.Quantity;
        var after = signedHad + signedFill;
        var entry = after.IsZero ? 0m
            : signedHad.IsZero || signedHad.Sign != after.Sign ? fill.AveragePrice
            : signedHad.Sign == signedFill.Sign
                ? ((had!.EntryPrice * (decimal)Units(had.Quantity, decimals)) + (fill.AveragePrice * (decimal)Units(fill.Quantity, decimals))) / (decimal)Units((UInt128)BigInteger.Abs(after), decimals)
                : had!.EntryPrice;
        return new HedgePositionState
        {
            IsShort = after.Sign < 0,
            Quantity = (UInt128)BigInteger.Abs(after),
            Decimals = decimals,
            EntryPrice = decimal.Round(entry, 8),
            Trades = (had?.Trades ?? 0) + 1,
            ImpactPaidUsd = (had?.ImpactPaidUsd ?? 0) + Math.Max(impact, 0),
        };
    }

    /// <summary>What a fill realizes: on the part of it that closes the position held, the entry against the fill's price.</summary>
    private static double Realized(HedgePositionState? had, PerpFill fill, int decimals)
    {
        if (had is null || had.Quantity == UInt128.Zero || had.IsShort == fill.Sell)
        {
            return 0.0; // the fill opens or adds to the position
        }

        var perUnit = (double)(had.IsShort ? had.EntryPrice - fill.AveragePrice : fill.AveragePrice - had.EntryPrice);
        return Units(UInt128.Min(had.Quantity, fill.Quantity), decimals) * perUnit;
    }

    /// <summary>The exposures the vault is valued with: those its protocol reported and the mesh's hedge positions.</summary>
    private static IReadOnlyList<Exposure> WithHedges(IReadOnlyList<Exposure> reported, VaultState s)
    {
        if (s.Hedges.Positions.Count == 0)
        {
            return reported;
        }

        var all = new List<Exposure>(reported.Count + s.Hedges.Positions.Count);
        all.AddRange(reported);
        foreach (var (underlying, p) in s.Hedges.Positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            all.Add(new Exposure(HedgeExposurePrefix + underlying, ExposureKind.Perp, underlying, (decimal)Units(p.Quantity, p.Decimals), p.IsShort ? PositionSide.Short : PositionSide.Long, EntryPrice: p.EntryPrice));
        }

        return all;
    }

    /// <summary>The collateral a hedged book's margin is taken with (<see cref="ExposurePortfolio.Hedged"/>); null for a book without hedges.</summary>
    private static Dictionary<string, double>? HeldForMargin(VaultBalances balances, VaultState s) =>
        s.Hedges.Positions.Count == 0 ? null : balances.NetUnits();

    private IReadOnlyList<HedgePosition> HedgeView() =>
        [.. state.State.Hedges.Positions.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new HedgePosition(p.Key, p.Value.IsShort ? PositionSide.Short : PositionSide.Long, p.Value.Quantity, p.Value.EntryPrice, p.Value.Trades, p.Value.ImpactPaidUsd))];

    /// <summary>An asset's decimals: this chain's token's, or (an exposure's underlying need not be a token here) those of a chain that has it.</summary>
    private int DecimalsOf(string asset) =>
        Chain.Tokens.FirstOrDefault(t => t.Symbol == asset)?.Decimals ?? chains.Chains.SelectMany(c => c.Tokens).First(t => t.Symbol == asset).Decimals;

    private static double Units(UInt128 amount, int decimals) => VaultBalances.ToUnits(amount, decimals);
}
