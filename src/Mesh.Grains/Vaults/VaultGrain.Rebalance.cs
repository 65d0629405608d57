using Mesh.Errors;
using Mesh.Grains.Markets;
using Mesh.Rebalancing;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>
/// A vault that rebalances by itself: below its band it asks its collateral market's coordinator for a grant, sells
/// under it through the market venue, and repays its debt with the proceeds. The sale is a saga of its own: the vault
/// records it (taking the quantity out of its balance) before the venue sees it, the venue's fill is idempotent by the
/// operation id, and the grant is completed only after the vault has written the fill, so a crash at any point resumes
/// without selling twice or leaking the grant.
/// </summary>
internal sealed partial class VaultGrain
{
    private IMarketVenue? Venue => _venue ??= venues.FirstOrDefault();

    public async Task<VaultRebalancing> ConfigureRebalancing(RebalanceSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ = Chain;
        if (settings.AutoSell && Venue is null)
        {
            throw new MeshException(MeshErrorKind.Refused, "rebalancing.no_venue", "This mesh has no market venue to sell through; a vault cannot rebalance by itself.", "autoSell");
        }

        if (settings.Hedge && Perps is null)
        {
            throw new MeshException(MeshErrorKind.Refused, "rebalancing.no_perp_venue", "This mesh has no perp venue to hedge through; a vault cannot hedge its delta by itself.", "hedge");
        }

        if (settings.TopUps && Key.Account is null)
        {
            // The conservation audit walks a protocol's main vaults, and counts what they hold against the chain's contract;
            // a gift between books it walks and books it does not would show as a breach.
            throw new MeshException(MeshErrorKind.Refused, "rebalancing.top_ups_need_account", $"Vault {Key} is the protocol's main vault on {Key.Chain}; top-ups move collateral between its account books (protocol/chain/account).", "topUps");
        }

        var previous = state.State.Rebalancing;
        state.State.Rebalancing = settings;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.Rebalancing = previous;
            throw;
        }

        return View();
    }

    public Task<VaultRebalancing> Rebalancing(CancellationToken cancellationToken = default) => Task.FromResult(View());

    private VaultRebalancing View()
    {
        var sales = state.State.Sales;
        return new VaultRebalancing(state.State.Rebalancing, sales.OpenRequest, sales.Executed, sales.Liquidations, new Dictionary<string, UInt128>(sales.Sold), new Dictionary<string, UInt128>(sales.Proceeds), sales.LastSaleAt, HedgeView(),
            new Dictionary<string, UInt128>(state.State.TopUps.Given), new Dictionary<string, UInt128>(state.State.TopUps.Received));
    }

    /// <summary>After a revaluation: asks for, executes or gives back a sale as the health factor requires.</summary>
    private async Task RebalanceAfter(VaultHealth health, CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.Rebalancing is not { AutoSell: true } || Venue is not { } venue)
        {
            return;
        }

        try
        {
            var open = s.Sales.OpenRequest;
            if (health.HealthFactor is not { } hf || hf >= riskOptions.Value.BandMin)
            {
                if (s.Rebalancing.Predictive && health.HealthFactor is { } healthy && (open is null || IsShift(open)))
                {
                    await ShiftAsync(open, health, healthy, venue, cancellationToken);
                    return;
                }

                if (open is not null && await Coordinator(open).Status(open, cancellationToken) is { Status: GrantStatus.Queued })
                {
                    await Coordinator(open).Release(open, "healthy", cancellationToken);
                    await CloseRequest(open, cancellationToken);
                }

                return;
            }

            if (SalePlan.Choose(health, venue, riskOptions.Value) is not { } plan)
            {
                return;
            }

            // An open request keeps its first size (its id is its idempotency key); a new one is sized now.
            SaleGrant grant;
            string requestId;
            if (open is not null && await Coordinator(open).Status(open, cancellationToken) is { } known)
            {
                (requestId, grant) = (open, known);
            }
            else
            {
                // The vault writes the request's id before the coordinator sees it: a crash in between leaves an id
                // the coordinator does not know (the next revaluation starts another), never a grant the vault forgot.
                requestId = $"{Key}/{plan.Asset}/sale-{s.Sales.Next}";
                s.Sales.OpenRequest = requestId;
                s.Sales.Next++;
                await state.WriteStateAsync(cancellationToken);
                grant = await GrainFactory.GetGrain<IRebalanceCoordinatorGrain>(plan.Asset)
                    .Request(new SaleRequest(requestId, Key.ToString(), Key.ProtocolId, plan.Quantity, Math.Max(hf, 0.0), hf < 1.0, plan.Haircut), cancellationToken);
            }

            switch (grant.Status)
            {
                case GrantStatus.Granted:
                    await SellUnder(grant, hf < 1.0, cancellationToken);
                    break;
                case GrantStatus.Queued:
                    break;
                default:
                    await CloseRequest(requestId, cancellationToken);
                    break;
            }
        }
        catch (MeshException)
        {
            // The need stands; the next revaluation asks again.
        }
        catch (Exception transient) when (IsTransient(transient))
        {
            // As above: a coordinator or venue that did not answer is asked again at the next price.
        }
    }

    private async Task SellUnder(SaleGrant grant, bool liquidation, CancellationToken cancellationToken)
    {
        var s = state.State;
        await RepayPending(cancellationToken); // an earlier sale's repayment first: the new fill's takes its place
        var operationId = OperationOf(grant.RequestId);
        if (!s.Operations.ContainsKey(operationId))
        {
            var quantity = UInt128.Min(grant.Granted, s.Balances.GetValueOrDefault(grant.Asset));
            if (quantity == UInt128.Zero)
            {
                await Coordinator(grant.RequestId).Release(grant.RequestId, "nothing to sell", cancellationToken);
                await CloseRequest(grant.RequestId, cancellationToken);
                return;
            }

            s.Sales.PendingOperation = operationId;
            s.Sales.PendingLiquidation = liquidation;
            if (liquidation)
            {
                s.Sales.Liquidations++;
            }

            try
            {
                await Record(new VaultMovement(operationId, grant.Asset, quantity), OperationKind.Sale, debit: true, cancellationToken);
            }
            catch
            {
                s.Sales.PendingOperation = null;
                s.Sales.PendingLiquidation = false;
                s.Sales.Liquidations -= liquidation ? 1 : 0;
                throw;
            }
        }

        await SettleSale(operationId, cancellationToken);
    }

    /// <summary>Drives a recorded sale: the venue's fill (idempotent), the proceeds credited, the grant completed, the debt repaid.</summary>
    private async Task<OperationReceipt> SettleSale(string operationId, CancellationToken cancellationToken)
    {
        var s = state.State;
        var op = s.Operations[operationId];
        var requestId = $"{Key}/{op.Asset}/{operationId}";
        if (op.Status == OperationStatus.Pending)
        {
            var venue = Venue ?? throw new MeshException(MeshErrorKind.Unavailable, "rebalancing.no_venue", "The market venue is not available on this silo.");
            var liquidation = s.Sales.PendingOperation == operationId && s.Sales.PendingLiquidation;
            if (await venue.SellAsync(new MarketOrder(requestId, op.Asset, op.Amount, Key.ToString(), liquidation), cancellationToken) is not { } fill)
            {
                return op; // the venue clears the order's batch later; the next revaluation asks again
            }

            var done = op with { Status = OperationStatus.Completed, Reason = $"sold for {fill.Proceeds} {fill.QuoteAsset} (average {fill.AveragePrice})", UpdatedAt = time.GetUtcNow() };
            var before = (Balance: s.Balances.GetValueOrDefault(fill.QuoteAsset), s.Sales.Executed, Sold: s.Sales.Sold.GetValueOrDefault(op.Asset), Proceeds: s.Sales.Proceeds.GetValueOrDefault(fill.QuoteAsset), s.Sales.LastSaleAt);
            s.Operations[operationId] = done;
            s.Balances[fill.QuoteAsset] = checked(s.Balances.GetValueOrDefault(fill.QuoteAsset) + fill.Proceeds);
            s.Sales.Executed++;
            s.Sales.Sold[op.Asset] = checked(s.Sales.Sold.GetValueOrDefault(op.Asset) + op.Amount);
            s.Sales.Proceeds[fill.QuoteAsset] = checked(s.Sales.Proceeds.GetValueOrDefault(fill.QuoteAsset) + fill.Proceeds);
            s.Sales.LastSaleAt = done.UpdatedAt;
            s.Sales.PendingOperation = null;
            s.Sales.PendingLiquidation = false;
            // A shift's proceeds stay as stable collateral (its point); a sale for health repays the debt.
            var repayBefore = s.Sales.PendingRepay;
            if (!IsShift(operationId))
            {
                s.Sales.PendingRepay = new PendingRepayment { Operation = operationId, Asset = fill.QuoteAsset, Proceeds = fill.Proceeds };
            }

            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch
            {
                // Not durable: the books go back to the pending sale, and the fill (idempotent at the venue) is taken again.
                s.Sales.PendingRepay = repayBefore;
                s.Operations[operationId] = op;
                s.Balances[fill.QuoteAsset] = before.Balance;
                (s.Sales.Executed, s.Sales.LastSaleAt, s.Sales.PendingOperation, s.Sales.PendingLiquidation) = (before.Executed, before.LastSaleAt, operationId, liquidation);
                s.Sales.Sold[op.Asset] = before.Sold;
                s.Sales.Proceeds[fill.QuoteAsset] = before.Proceeds;
                throw;
            }

            op = done;
            await CompleteSale(requestId, op.Amount, cancellationToken);
            await CloseRequest(requestId, cancellationToken);
        }
        else if (s.Sales.OpenRequest == requestId)
        {
            await CompleteSale(requestId, op.Amount, cancellationToken);
            await CloseRequest(requestId, cancellationToken);
        }

        await RepayPending(cancellationToken);
        return op;
    }

    /// <summary>
    /// Completes the sale's grant. A grant that ended before the fill was written (it expired while the order waited for
    /// its batch, or while the vault was down, and its room came back then) has nothing left to complete: the sale
    /// stands in the books, and its proceeds still repay the debt.
    /// </summary>
    private async Task CompleteSale(string requestId, UInt128 executed, CancellationToken cancellationToken)
    {
        try
        {
            await Coordinator(requestId).Complete(requestId, executed, cancellationToken);
        }
        catch (MeshException e) when (e.Kind == MeshErrorKind.NotFound || (e.Kind == MeshErrorKind.Conflict && e.Code == "request.not_granted"))
        {
            // As above: the grant is over; a completion with another quantity (request.completed) still fails.
        }
    }

    /// <summary>Before a revaluation: a sale whose order waited at the venue gets its fill, if its batch has cleared.</summary>
    private async Task SettlePendingSale(CancellationToken cancellationToken)
    {
        if (state.State.Sales.PendingOperation is { } pending && state.State.Operations.ContainsKey(pending))
        {
            try
            {
                await SettleSale(pending, cancellationToken);
            }
            catch (Exception transient) when (IsTransient(transient))
            {
                // Asked again soon, at the next price, or by the reminder.
                ScheduleRetry();
            }
        }
        else if (state.State.Sales.PendingRepay is not null)
        {
            try
            {
                await RepayPending(cancellationToken);
            }
            catch (Exception transient) when (IsTransient(transient))
            {
                // Asked again soon, at the next price, or by the reminder.
                ScheduleRetry();
            }
        }
    }

    /// <summary>
    /// Repays the debt from the last sale's proceeds, if that is still to do: at most the proceeds, the debt and the
    /// balance. Resumable: a repayment already recorded (under the id derived from the sale) is driven, not sized again.
    /// </summary>
    private async Task RepayPending(CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.Sales.PendingRepay is not { } pending)
        {
            return;
        }

        // The pool keys operations by id across vaults: the repayment names its vault.
        var repayId = $"{Key}/{pending.Operation}-repay";
        try
        {
            if (s.Operations.TryGetValue(repayId, out var recorded))
            {
                if (recorded.Status == OperationStatus.Pending)
                {
                    await Repay(new VaultMovement(repayId, recorded.Asset, recorded.Amount), cancellationToken);
                }
            }
            else
            {
                var owed = UInt128.Min(s.Debt.GetValueOrDefault(pending.Asset), UInt128.Min(pending.Proceeds, s.Balances.GetValueOrDefault(pending.Asset)));
                if (owed > UInt128.Zero)
                {
                    await Repay(new VaultMovement(repayId, pending.Asset, owed), cancellationToken);
                }
            }
        }
        catch (MeshException refusal) when (refusal.Kind is not MeshErrorKind.Unavailable)
        {
            // Refused (not a pool that did not answer): the proceeds stay in the vault as collateral, and the next sale
            // repays with its own. Asking again for these would be refused again at every price.
        }

        s.Sales.PendingRepay = null;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            s.Sales.PendingRepay = pending;
            throw;
        }
    }

    private async Task CloseRequest(string requestId, CancellationToken cancellationToken)
    {
        if (state.State.Sales.OpenRequest == requestId)
        {
            state.State.Sales.OpenRequest = null;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private IRebalanceCoordinatorGrain Coordinator(string requestId) =>
        GrainFactory.GetGrain<IRebalanceCoordinatorGrain>(AssetOf(requestId));

    /// <summary>Request ids are <c>vault/ASSET/sale-N</c>; the vault key itself has two or three segments.</summary>
    private static string AssetOf(string requestId)
    {
        var parts = requestId.Split('/');
        return parts[^2];
    }

    private static string OperationOf(string requestId) => requestId[(requestId.LastIndexOf('/') + 1)..];
}
