namespace Mesh.Grains.Rebalancing;

/// <summary>
/// One allocation round, pure: grants candidates out of a room without ever exceeding it. Each grant follows
/// <see cref="SaleCaps.Decide"/> (partial grants, no grant below dust), with one strict change: where Maker would grant
/// the whole request because the remainder is below dust, and that overshoots the room, the grant is trimmed by dust
/// instead (so the remainder is at least dust and the caps hold exactly). A partial grant is final for its request
/// (the vault asks again for the rest). Order: first come first served, or most urgent first — liquidations before
/// deleveraging (when <see cref="AllocationRules.LiquidationsFirst"/>), then the lowest health factor, then arrival.
/// With <see cref="AllocationRules.FairShare"/>, the room of each urgency tier is shared max-min fairly between the
/// protocols that wait (water-filling: a protocol that asks less than an equal share gets what it asks and leaves the
/// rest to the others), and each protocol spends its share on its own most urgent requests; when shares are below dust,
/// the protocol granted least this round goes next.
/// </summary>
internal static class GrantAllocator
{
    /// <summary>Allocates one round.</summary>
    /// <param name="candidates">The requests waiting, in any order.</param>
    /// <param name="room">What may be granted in total this round.</param>
    /// <param name="rules">Order, dust and fairness.</param>
    /// <returns>The grants, in the order they were made.</returns>
    public static List<AllocationGrant> Allocate(IReadOnlyCollection<AllocationCandidate> candidates, UInt128 room, AllocationRules rules)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var grants = new List<AllocationGrant>();
        var ordered = candidates.Order(Comparer(rules)).ToList();
        IEnumerable<List<AllocationCandidate>> tiers = rules.ByUrgency && rules.LiquidationsFirst
            ? [ordered.Where(c => c.Liquidation).ToList(), ordered.Where(c => !c.Liquidation).ToList()]
            : [ordered];
        foreach (var tier in tiers)
        {
            room = rules.FairShare ? Fair(tier, room, rules.Dust, grants) : Sequential(tier, room, rules.Dust, grants);
        }

        return grants;
    }

    /// <summary><see cref="SaleCaps.Decide"/> without the overshoot of the dust top-up.</summary>
    /// <param name="requested">The request.</param>
    /// <param name="room">The room.</param>
    /// <param name="dust">The dust.</param>
    /// <returns>The decision; never above the room.</returns>
    public static SaleDecision Decide(UInt128 requested, UInt128 room, UInt128 dust)
    {
        var decision = SaleCaps.Decide(requested, room, dust);
        if (decision.Outcome != SaleOutcome.WholeByDust || decision.Granted <= room)
        {
            return decision;
        }

        // The remainder would be below dust and the whole request does not fit: leave exactly dust more unsold instead.
        var trimmed = room - dust;
        return trimmed >= dust && trimmed > UInt128.Zero ? new SaleDecision(trimmed, SaleOutcome.Partial) : new SaleDecision(UInt128.Zero, SaleOutcome.RefusedNoRoom);
    }

    /// <summary>The order of candidates under <paramref name="rules"/>: a total order (the request id breaks the last tie).</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>The comparer.</returns>
    public static IComparer<AllocationCandidate> Comparer(AllocationRules rules) => Comparer<AllocationCandidate>.Create((a, b) =>
    {
        if (rules.ByUrgency)
        {
            if (rules.LiquidationsFirst && a.Liquidation != b.Liquidation)
            {
                return a.Liquidation ? -1 : 1;
            }

            var byHealth = a.HealthFactor.CompareTo(b.HealthFactor);
            if (byHealth != 0)
            {
                return byHealth;
            }

            if (a.Liquidation != b.Liquidation)
            {
                return a.Liquidation ? -1 : 1;
            }
        }

        var bySequence = a.Sequence.CompareTo(b.Sequence);
        return bySequence != 0 ? bySequence : string.CompareOrdinal(a.RequestId, b.RequestId);
    });

    private static UInt128 Sequential(List<AllocationCandidate> tier, UInt128 room, UInt128 dust, List<AllocationGrant> grants)
    {
        foreach (var candidate in tier)
        {
            if (room == UInt128.Zero || room < dust)
            {
                break;
            }

            room -= Grant(candidate, room, dust, grants);
        }

        return room;
    }

    private static UInt128 Fair(List<AllocationCandidate> tier, UInt128 room, UInt128 dust, List<AllocationGrant> grants)
    {
        var protocols = tier.GroupBy(c => c.ProtocolId, StringComparer.Ordinal).Select(g => new ProtocolQueue(g.ToList())).ToList();
        while (room > UInt128.Zero && room >= dust)
        {
            var active = protocols.Where(p => p.Waiting).ToList();
            if (active.Count == 0)
            {
                break;
            }

            var shares = WaterFill(room, active.Select(p => p.Demand).ToList());
            var progress = false;
            for (var i = 0; i < active.Count; i++)
            {
                var (queue, share) = (active[i], shares[i]);
                while (queue.Waiting && share > UInt128.Zero)
                {
                    // A request within the share goes whole (against the room, as SaleCaps decides it); a larger one gets at most the share.
                    var granted = Grant(queue.Head, queue.Head.Quantity <= share ? room : UInt128.Min(share, room), dust, grants);
                    if (granted == UInt128.Zero)
                    {
                        break;
                    }

                    (share, room) = (share - granted, room - granted);
                    queue.Advance(granted);
                    progress = true;
                }
            }

            if (!progress)
            {
                // Every share is below what one grant needs (dust): the protocol granted least this round goes next, on the whole room.
                var next = active.MinBy(p => p.Granted)!;
                var granted = Grant(next.Head, room, dust, grants);
                room -= granted;
                next.Advance(granted);
            }
        }

        return room;
    }

    private static UInt128 Grant(AllocationCandidate candidate, UInt128 room, UInt128 dust, List<AllocationGrant> grants)
    {
        var decision = Decide(candidate.Quantity, room, dust);
        if (decision.IsGranted)
        {
            grants.Add(new AllocationGrant(candidate.RequestId, decision.Granted, decision.Outcome));
        }

        return decision.Granted;
    }

    /// <summary>Max-min fair shares of <paramref name="room"/> for <paramref name="demands"/> (in priority order; the indivisible remainder goes to the first).</summary>
    /// <param name="room">What to share.</param>
    /// <param name="demands">What each asks for.</param>
    /// <returns>Each one's share: never above its demand, summing to at most the room.</returns>
    internal static UInt128[] WaterFill(UInt128 room, IReadOnlyList<UInt128> demands)
    {
        var shares = new UInt128[demands.Count];
        var open = Enumerable.Range(0, demands.Count).OrderBy(i => demands[i]).ThenBy(i => i).ToList();
        var left = room;
        var position = 0;
        while (position < open.Count)
        {
            var count = (UInt128)(ulong)(open.Count - position);
            var equal = left / count;
            var smallest = open[position];
            if (demands[smallest] <= equal)
            {
                shares[smallest] = demands[smallest];
                left -= demands[smallest];
                position++;
                continue;
            }

            var remainder = left - (equal * count);
            foreach (var i in open.Skip(position).Order())
            {
                var extra = remainder > UInt128.Zero && demands[i] > equal ? UInt128.One : UInt128.Zero;
                shares[i] = equal + extra;
                remainder -= extra;
            }

            break;
        }

        return shares;
    }

    /// <summary>One protocol's candidates in order, and what it was granted this round.</summary>
    private sealed class ProtocolQueue(List<AllocationCandidate> candidates)
    {
        private int _next;

        public bool Waiting => _next < candidates.Count;

        public AllocationCandidate Head => candidates[_next];

        public UInt128 Demand { get; private set; } = candidates.Aggregate(UInt128.Zero, (sum, c) => UInt128.MaxValue - sum < c.Quantity ? UInt128.MaxValue : sum + c.Quantity);

        public UInt128 Granted { get; private set; }

        /// <summary>The head was decided (granted <paramref name="granted"/>, possibly nothing): the next one waits.</summary>
        public void Advance(UInt128 granted)
        {
            Demand = Demand == UInt128.MaxValue ? Demand : Demand - Head.Quantity;
            Granted += granted;
            _next++;
        }
    }
}
