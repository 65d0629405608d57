using Mesh.Oracles;
using Mesh.Rebalancing;
using Mesh.Revaluation;

namespace Mesh.Grains.Rebalancing;

/// <summary>How <see cref="RebalanceCoordinatorGrain"/> sizes the room: the market's reading, the caps and the global budget.</summary>
internal sealed partial class RebalanceCoordinatorGrain
{
    private bool HasBudget => Rules.Policy != RebalancePolicy.Unbounded && Options.GlobalCap is not null;

    /// <summary>The oracle's price and volatility, the venue's depth and coefficient; what is missing is null, with the reason in the basis.</summary>
    private async Task<MarketReading> ReadMarketAsync()
    {
        OracleSnapshot? snapshot = null;
        try
        {
            snapshot = await GrainFactory.GetGrain<IOracleGrain>(Underlying).Snapshot();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogOracleUnavailable(logger, Asset, exception);
        }

        var conditions = IsPerp ? _perps?.Conditions(Underlying) : _venue?.Conditions(Asset);
        var reading = MarketReading.From(snapshot, IsPerp ? _perps is not null : _venue is not null, conditions, Rules.ImpactCoefficient);
        _lastReading = reading;
        Remember(snapshot, reading);
        return reading;
    }

    /// <summary>Counts a completed sale in the mesh's own permanent impact (a fraction of the day's depth, as the impact law measures it).</summary>
    private void Absorbed(UInt128 executed, DateTimeOffset now)
    {
        // A perp's fills move no spot price (the simulated venue leaves the basis trade out) and its book keeps no hole.
        if (!IsPerp && _lastReading is { DailyDepth: { } daily } && daily > UInt128.Zero)
        {
            _absorbed.Add(now, (double)executed / (double)daily);
        }
    }

    /// <summary>The share of the price the mesh's own sales are expected to have taken off it (<see cref="DelayCost.OwnImpact"/>); zero without the adaptive reading, and for a perp market (its book moves no spot price).</summary>
    private double OwnImpact(MarketReading reading) =>
        !IsPerp && reading is { Basis: "adaptive", Depth: { } available, DailyVolatility: { } sigma, DailyDepth: { } daily }
            ? DelayCost.OwnImpact(daily, available, sigma, reading.ImpactCoefficient, Options.PermanentImpactShare, _absorbed.Total(time.GetUtcNow()), Options.SpeedDependentImpact ? Markets.BookImpact.RevealedFraction(Rules.ImpactHalfLife) : double.PositiveInfinity)
            : 0.0;

    /// <summary>Keeps the oracle's prices, one per round at the round's time, over the drift window (for the cost of delay).</summary>
    private void Remember(OracleSnapshot? snapshot, MarketReading reading)
    {
        if (snapshot is not { Price: { } price, UpdatedAt: { } at } || price <= 0 || snapshot.Round <= _lastRound)
        {
            return;
        }

        _lastRound = snapshot.Round;
        // The trend is the market's, not the mesh's: a fall the mesh's own sales made is no reason to sell faster (read
        // from the traded price, it would be a loop: the deeper the hole, the more the cost of delay lets into it).
        var own = OwnImpact(reading);
        _prices.Add((at, own > 0 ? price / (decimal)(1 - own) : price));
        var keepFrom = at - (2 * Options.DriftWindow);
        _prices.RemoveAll(p => p.At < keepFrom);
    }

    /// <summary>The market's capacity before the global budget (<see cref="MarketCapacity"/>), and for a perp market that shares its underlying's spot room, no more than that room.</summary>
    private async Task<(UInt128 Capacity, string Basis)> CapacityAsync(MarketReading reading)
    {
        var (capacity, basis) = MarketCapacity(reading);
        if (!IsPerp || Rules.Policy != RebalancePolicy.Adaptive || !Rules.SharesSpotRoom || basis == "unbounded")
        {
            return (capacity, basis);
        }

        var spot = await SpotRoomAsync();
        return spot < capacity ? (spot, "adaptive.spot") : (capacity, basis);
    }

    /// <summary>
    /// The room the underlying's spot book has for a perp market's hedges: what the spot capacity under the impact
    /// bound (sized as the spot market sizes it, from the spot book's depth left after recent sales, the
    /// arbitrageurs' included) exceeds the spot market's own grants in flight by. Without a spot market there is
    /// nothing to share (no bound); a spot coordinator that does not answer leaves no room.
    /// </summary>
    private async Task<UInt128> SpotRoomAsync()
    {
        var spot = MarketReading.From(null, _venue is not null, _venue?.Conditions(Underlying), Rules.ImpactCoefficient);
        if (spot is not { Basis: "adaptive", Depth: { } depth, DailyVolatility: { } sigma })
        {
            return UInt128.MaxValue;
        }

        var q = SpotCapacity(spot.DailyDepth ?? depth, depth, sigma, spot.ImpactCoefficient);
        UInt128 held;
        try
        {
            held = (await GrainFactory.GetGrain<IRebalanceCoordinatorGrain>(Underlying).View()).InFlight;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSpotUnavailable(logger, Asset, Underlying, exception);
            return UInt128.Zero;
        }

        return q > held ? q - held : UInt128.Zero;
    }

    /// <summary>The market's capacity before the global budget: the static cap, and under the adaptive policy the impact bound.</summary>
    private (UInt128 Capacity, string Basis) MarketCapacity(MarketReading reading)
    {
        switch (Rules.Policy)
        {
            case RebalancePolicy.Unbounded:
                return (UInt128.MaxValue, "unbounded");
            case RebalancePolicy.StaticCaps:
                return (Rules.Hole, "static");
            default:
                if (reading is not { Basis: "adaptive", Depth: { } depth, DailyVolatility: { } sigma })
                {
                    return (Rules.Hole, reading.Basis);
                }

                var daily = reading.DailyDepth ?? depth;
                // A perp book remembers the flow it took (the day's depth less what it holds is what the venue reports
                // available); a spot book refills its hole at a finite rate when speed-dependent impact is on.
                var q = IsPerp
                    ? CapacityModel.MemoryCapacity(daily, depth, sigma, reading.ImpactCoefficient, Options.ImpactBound)
                    : SpotCapacity(daily, depth, sigma, reading.ImpactCoefficient);
                if (Rules.CostOfDelay)
                {
                    // While the price falls, what is cheaper to sell now than after the book heals goes now too. A perp
                    // book's displacement is all transient (φ = 0) and decays as the plain square root's.
                    var fall = DelayCost.FallRate(_prices, Options.DriftWindow);
                    q = UInt128.Max(q, IsPerp
                        ? DelayCost.Capacity(daily, depth, sigma, reading.ImpactCoefficient, fall, 0.0, Rules.ImpactHalfLife)
                        : Options.SpeedDependentImpact
                        ? DelayCost.BookCapacity(daily, depth, sigma, reading.ImpactCoefficient, fall, Options.PermanentImpactShare, Rules.ImpactHalfLife)
                        : DelayCost.Capacity(daily, depth, sigma, reading.ImpactCoefficient, fall, Options.PermanentImpactShare, Rules.ImpactHalfLife));
                }

                return q < Rules.Hole ? (q, "adaptive") : (Rules.Hole, "static");
        }
    }

    /// <summary>A spot book's capacity under the impact bound: on a book that refills at a finite rate with speed-dependent impact on, else the plain square root's.</summary>
    private UInt128 SpotCapacity(UInt128 daily, UInt128 depth, double sigma, double coefficient) =>
        Options.SpeedDependentImpact
            ? CapacityModel.BookCapacity(daily, depth, sigma, coefficient, Options.ImpactBound, Options.PermanentImpactShare, Rules.ImpactHalfLife)
            : CapacityModel.Capacity(depth, sigma, coefficient, Options.ImpactBound);

    /// <summary>Grants the queue out of the room under every cap; returns whether anything changed that must be written.</summary>
    private async Task<bool> AllocateAsync(MarketReading reading, DateTimeOffset now)
    {
        var book = Book.State;
        var (capacity, _) = await CapacityAsync(reading);
        var room = capacity > book.InFlight ? capacity - book.InFlight : UInt128.Zero;
        var reason = "room.none";
        if (book.Flow is { } flow && flow.Available(now) < room)
        {
            (room, reason) = (flow.Tokens, "flow.limit");
        }

        Func<UInt128, UInt128> valueOf = _ => UInt128.Zero;
        UInt128? claimed = null;
        if (HasBudget && room > UInt128.Zero)
        {
            var usd = UsdValue.At(reading.Price, Decimals);
            if (usd is not { } price)
            {
                (room, reason) = (UInt128.Zero, "price.unknown");
            }
            else
            {
                // Each grant's value is rounded up by at most one micro-USD: keep one per candidate aside.
                var slack = (UInt128)(ulong)Book.QueuedCount;
                // Ask for what the queue needs, but never less than dust: a room below dust grants nothing, not even a small request.
                var wanted = book.InFlightValue + price.ValueOf(UInt128.Min(room, UInt128.Max(Book.QueuedQuantity, Rules.Dust))) + slack;
                claimed = await ClaimAsync(wanted);
                var globalRoom = claimed is { } c && c > book.InFlightValue + slack ? c - book.InFlightValue - slack : UInt128.Zero;
                var units = price.QuantityOf(globalRoom);
                if (claimed is null)
                {
                    (room, reason) = (UInt128.Zero, "budget.unavailable");
                }
                else if (units < room)
                {
                    (room, reason) = (units, "budget.global");
                }

                valueOf = price.ValueOf;
            }
        }

        // Weighed on the room every other cap has left (a claim on the global budget that the gate then holds comes
        // back when the market's claim is brought to its value in flight after the round).
        if (room > UInt128.Zero && await HeldBySpilloverAsync(reading, room))
        {
            (room, reason) = (UInt128.Zero, "spillover");
        }

        var before = Book.Queued.Select(r => r.Reason).ToList();
        var adaptive = Rules.Policy == RebalancePolicy.Adaptive;
        var rules = new AllocationRules(Rules.Dust, ByUrgency: adaptive, Options.LiquidationsFirst, FairShare: adaptive && Options.FairShare);
        var (_, grants) = Book.Allocate(room, rules, valueOf, now, Options.GrantTtl, reason, RetryAfter(reason, now), byArrivalTime: !Options.AllocateOnRequest);
        if (claimed is { } held && book.InFlightValue > held)
        {
            throw new InvalidOperationException($"{Asset}: the value in flight ({book.InFlightValue}) exceeds the market's claim on the global budget ({held}).");
        }

        Diagnostics.GrainsMetrics.Capacity(Asset, capacity, book.InFlight);
        return grants > 0 || !before.SequenceEqual(Book.Queued.Select(r => r.Reason));
    }

    /// <summary>
    /// Whether the round would mark off the rest of the mesh's holdings more margin than it frees
    /// (<see cref="SpilloverGate"/>), weighed on what the queued requests that give their haircut would sell (the room,
    /// or their quantity if smaller; requests without a haircut are not counted, but wait with the round when it is
    /// held; a shift's margin is freed net of the haircut on the proceeds it keeps); false where the gate does not apply: off, a perp market, a policy other than adaptive, no adaptive
    /// reading, no queued request that gives its haircut, or the holdings unknown.
    /// </summary>
    private async Task<bool> HeldBySpilloverAsync(MarketReading reading, UInt128 room)
    {
        if (!Options.SpilloverGate || IsPerp || Rules.Policy != RebalancePolicy.Adaptive
            || reading is not { Basis: "adaptive", Depth: { } depth, DailyVolatility: { } sigma })
        {
            return false;
        }

        // Summed in doubles: a sum of base units could exceed UInt128, and the weighing is in doubles anyway.
        var (weighed, weighted, kept) = (0.0, 0.0, 0.0);
        foreach (var request in Book.Queued)
        {
            if (request.Haircut is { } h)
            {
                weighed += (double)request.Quantity;
                weighted += h * (double)request.Quantity;
                kept += (request.ProceedsHaircut ?? 0.0) * (double)request.Quantity;
            }
        }

        if (!(weighed > 0) || await HoldingsAsync() is not { } holdings)
        {
            return false;
        }

        var quantity = (double)room <= weighed ? room : UInt128.Min(room, (UInt128)weighed);
        var cost = CapacityModel.ExpectedImpact(Book.State.InFlight + quantity, reading) ?? 0.0;
        var (freed, spillover, passes) = SpilloverGate.Weigh(quantity, holdings, Math.Clamp(weighted / weighed, 0.0, 0.999999), Math.Clamp(kept / weighed, 0.0, 0.999999), cost, reading.DailyDepth ?? depth, sigma, reading.ImpactCoefficient, Options.PermanentImpactShare, _absorbed.Total(time.GetUtcNow()));
        if (!passes)
        {
            LogSpilloverHeld(logger, Asset, quantity, freed, spillover);
            Diagnostics.GrainsMetrics.SpilloverHeld(Asset);
        }

        return !passes;
    }

    /// <summary>
    /// The mesh's holdings of the asset, summed over its revaluation partitions, asked once per oracle round (the
    /// answer, known or not, is kept for the round); null when a partition does not answer within
    /// <see cref="HoldingsTimeout"/>, or has not heard from every member since it was activated (a sum that leaves
    /// vaults out would understate the spillover).
    /// </summary>
    private async Task<UInt128?> HoldingsAsync()
    {
        if (_holdings is { } known && known.Round == _lastRound)
        {
            return known.Total;
        }

        UInt128? total = UInt128.Zero;
        try
        {
            var parts = await Task.WhenAll(Enumerable.Range(0, RevaluationPartitions.Count)
                .Select(p => GrainFactory.GetGrain<IRevaluationIndexGrain>(RevaluationPartitions.Key(Underlying, p)).Holdings())).WaitAsync(HoldingsTimeout);
            foreach (var part in parts)
            {
                if (part.Reported < part.Members)
                {
                    LogHoldingsPartial(logger, Asset, part.Reported, part.Members);
                    total = null;
                    break;
                }

                total = total > UInt128.MaxValue - part.Total ? UInt128.MaxValue : total + part.Total;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogHoldingsUnavailable(logger, Asset, exception);
            total = null;
        }

        _holdings = (_lastRound, total);
        return total;
    }

    /// <summary>The estimated wait of a queued request: until the flow refills, a grant expires, or the next sweep.</summary>
    private TimeSpan RetryAfter(string reason, DateTimeOffset now)
    {
        var book = Book.State;
        if (reason == "flow.limit" && book.Flow is { } flow && Book.Queued.Select(r => r.Quantity).DefaultIfEmpty(UInt128.Zero).Min() is var smallest)
        {
            var need = UInt128.Min(smallest, flow.Capacity);
            var missing = need > flow.Tokens ? need - flow.Tokens : UInt128.Zero;
            return TimeSpan.FromSeconds((double)((missing + flow.RatePerSecond - 1) / flow.RatePerSecond));
        }

        var nextExpiry = book.Open.Values.Where(r => r.Status == GrantStatus.Granted).Select(r => r.ExpiresAt).Min();
        return reason is "room.none" or "budget.global" && nextExpiry is { } at && at > now ? at - now : Options.SweepInterval;
    }

    private async Task<UInt128?> ClaimAsync(UInt128 total)
    {
        try
        {
            var claim = await GrainFactory.GetGrain<IRebalanceBudgetGrain>(IRebalanceBudgetGrain.Key).Claim(Asset, total);
            _claimed = claim.Claimed;
            return claim.Claimed;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogBudgetUnavailable(logger, Asset, exception);
            _claimed = null;
            return null;
        }
    }

    /// <summary>Brings the market's claim to its value in flight (after a round, and first of all after an activation).</summary>
    private async Task SyncClaimAsync()
    {
        var inFlight = Book.State.InFlightValue;
        if (!HasBudget || _claimed == inFlight)
        {
            return;
        }

        if (await ClaimAsync(inFlight) is { } claimed && claimed < inFlight)
        {
            LogClaimShort(logger, Asset, inFlight, claimed);
        }
    }

    /// <summary>The market's capacity gauges are reported by the silo the coordinator runs on.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Diagnostics.GrainsMetrics.CoordinatorGone(Asset);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task<CoordinatorView> BuildViewAsync(MarketReading reading, DateTimeOffset now)
    {
        var book = Book.State;
        var (capacity, basis) = await CapacityAsync(reading);
        if (HasBudget)
        {
            var budget = await GrainFactory.GetGrain<IRebalanceBudgetGrain>(IRebalanceBudgetGrain.Key).View();
            var others = budget.Claimed - budget.Claims.GetValueOrDefault(Asset);
            var usd = UsdValue.At(reading.Price, Decimals);
            var share = usd is { } price && budget.Cap > others ? price.QuantityOf(budget.Cap - others) : UInt128.Zero;
            (capacity, basis) = share < capacity ? (share, usd is null ? "budget.no_price" : "budget") : (capacity, basis);
        }

        var flow = book.Flow is { } f ? new TokenBucket { Capacity = f.Capacity, RatePerSecond = f.RatePerSecond, Tokens = f.Tokens, RefilledAtUnixSeconds = f.RefilledAtUnixSeconds }.Available(now) : UInt128.MaxValue;
        var queued = Book.Queued.ToList();
        return new CoordinatorView(
            Asset,
            Rules.Policy,
            capacity,
            book.InFlight,
            capacity > book.InFlight ? capacity - book.InFlight : UInt128.Zero,
            flow,
            queued.Count,
            Book.QueuedQuantity,
            queued.Count == 0 ? null : queued.Min(r => r.RequestedAt),
            CapacityModel.ExpectedImpact(book.InFlight, reading),
            Rules.Policy == RebalancePolicy.Adaptive ? Options.ImpactBound : null,
            reading.Depth,
            book.Granted,
            book.Completed,
            book.Expired,
            now,
            basis);
    }
}
