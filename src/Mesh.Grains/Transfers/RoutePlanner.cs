using Mesh.Chains;
using Mesh.Chains.Configuration;
using Mesh.Errors;

namespace Mesh.Grains.Transfers;

/// <summary>
/// Plans a cross-chain move over the bridge routes of chains.json: every simple path from the source to the destination
/// for the asset, direct or through other chains (at most <see cref="MaxHops"/> crossings), is priced hop by hop (each
/// bridge's fee, rounded up, is taken from what enters it) and checked against each route's capacity (what may be in
/// transit at once), its token-bucket rate limit (what may enter now, as Chainlink CCIP's limits), the health of every
/// chain it touches and the request's deadline (finality on each side of each crossing plus the bridge's latency).
/// The cheapest that fits wins (ties: the fastest, then the fewest hops, then the path's name), so a plan is
/// deterministic for the same inputs; every candidate left out says why.
/// </summary>
internal static class RoutePlanner
{
    /// <summary>The most bridge crossings a route may have.</summary>
    public const int MaxHops = 3;

    /// <summary>Plans a request.</summary>
    /// <param name="chains">The chains and their routes.</param>
    /// <param name="request">The request; validated against the chains (unknown chain or asset, same chain, zero amount: refused naming the field).</param>
    /// <param name="load">Each route's use now.</param>
    /// <param name="health">Each chain's health now.</param>
    /// <returns>The plan, or the reasons none fits.</returns>
    /// <exception cref="MeshException">The request is invalid.</exception>
    public static RoutePlanResult Plan(ChainsConfiguration chains, RouteRequest request, Func<BridgeRoute, RouteLoad> load, Func<string, ChainHealth> health)
    {
        Validate(chains, request);
        var refusals = new List<RouteRefusal>();
        RoutePlan? best = null;
        foreach (var path in Paths(chains, request))
        {
            var (plan, refusal) = Price(chains, request, path, load, health);
            if (refusal is not null)
            {
                refusals.Add(refusal);
            }
            else if (best is null || Better(plan!, best))
            {
                best = plan;
            }
        }

        if (best is null && refusals.Count == 0)
        {
            refusals.Add(new RouteRefusal($"{request.From} → {request.To}", "route.none", $"No bridge route carries {request.Asset} from {request.From} to {request.To}, directly or in up to {MaxHops} hops.", null));
        }

        return new RoutePlanResult(best, refusals);
    }

    private static void Validate(ChainsConfiguration chains, RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = chains.FindChain(request.From ?? "") ?? throw MeshException.Invalid("from", "chain.unknown", $"from: '{request.From}' is not a chain of this mesh.");
        var to = chains.FindChain(request.To ?? "") ?? throw MeshException.Invalid("to", "chain.unknown", $"to: '{request.To}' is not a chain of this mesh.");
        if (from.Name == to.Name)
        {
            throw MeshException.Invalid("to", "route.same_chain", $"to: the transfer must leave {from.Name} for another chain.");
        }

        if (from.FindToken(request.Asset ?? "") is null || to.FindToken(request.Asset ?? "") is null)
        {
            throw MeshException.Invalid("asset", "asset.unknown", $"asset: '{request.Asset}' is not a token on both {from.Name} and {to.Name}.");
        }

        if (request.Amount == UInt128.Zero)
        {
            throw MeshException.Invalid("amount", "amount.zero", "amount must be greater than zero.");
        }

        if (request.Deadline <= TimeSpan.Zero)
        {
            throw MeshException.Invalid("deadline", "deadline.not_positive", "deadline must be a positive duration.");
        }
    }

    /// <summary>Every simple path of up to <see cref="MaxHops"/> routes for the asset, in a stable order.</summary>
    private static List<List<BridgeRoute>> Paths(ChainsConfiguration chains, RouteRequest request)
    {
        var routes = chains.Routes.Where(r => r.Asset == request.Asset).OrderBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal).ToList();
        var found = new List<List<BridgeRoute>>();
        var path = new List<BridgeRoute>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { request.From };
        Walk(request.From);
        return found;

        void Walk(string at)
        {
            foreach (var route in routes.Where(r => r.From == at && !visited.Contains(r.To)))
            {
                path.Add(route);
                if (route.To == request.To)
                {
                    found.Add([.. path]);
                }
                else if (path.Count < MaxHops)
                {
                    visited.Add(route.To);
                    Walk(route.To);
                    visited.Remove(route.To);
                }

                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static (RoutePlan? Plan, RouteRefusal? Refusal) Price(
        ChainsConfiguration chains, RouteRequest request, List<BridgeRoute> path, Func<BridgeRoute, RouteLoad> load, Func<string, ChainHealth> health)
    {
        var name = string.Join(" → ", path.Select(r => r.From).Append(path[^1].To));
        var hops = new List<RouteHop>(path.Count);
        var amount = request.Amount;
        var elapsed = TimeSpan.Zero;
        foreach (var route in path)
        {
            foreach (var chain in new[] { route.From, route.To })
            {
                if (health(chain) is ChainHealth.Halted or ChainHealth.Unreachable)
                {
                    return (null, new RouteRefusal(name, "route.chain_unhealthy", $"{chain} is {health(chain).ToString().ToLowerInvariant()}.", null));
                }
            }

            var use = load(route);
            var room = use.InTransit >= route.Capacity ? UInt128.Zero : route.Capacity - use.InTransit;
            if (amount > room)
            {
                return (null, new RouteRefusal(name, "route.capacity", $"{route.From} → {route.To} can take {room} more base units of {request.Asset} in transit; the hop needs {amount}.", null));
            }

            if (amount > use.BucketAvailable)
            {
                TimeSpan? retry = amount > route.RateLimit.Capacity
                    ? null
                    : TimeSpan.FromSeconds((double)((amount - use.BucketAvailable + route.RateLimit.RefillPerSecond - 1) / route.RateLimit.RefillPerSecond));
                var detail = retry is null
                    ? $"{route.From} → {route.To} lets at most {route.RateLimit.Capacity} base units of {request.Asset} in at once; the hop needs {amount}."
                    : $"{route.From} → {route.To}'s rate limit lets {use.BucketAvailable} base units of {request.Asset} in now; the hop needs {amount}.";
                return (null, new RouteRefusal(name, "route.rate_limited", detail, retry));
            }

            // The fee is rounded up: a bridge is never paid less than its rate.
            var fee = Fee(amount, route.FeeBps);
            if (fee >= amount)
            {
                return (null, new RouteRefusal(name, "route.amount_too_small", $"{amount} base units of {request.Asset} do not cover {route.From} → {route.To}'s fee of {route.FeeBps} bp.", null));
            }

            var duration = Finality(chains, route.From) + route.Latency + Finality(chains, route.To);
            hops.Add(new RouteHop(route.From, route.To, amount, fee, amount - fee, duration));
            amount -= fee;
            elapsed += duration;
        }

        return elapsed > request.Deadline
            ? (null, new RouteRefusal(name, "route.too_slow", $"{name} takes about {elapsed.TotalSeconds:F0} s; the deadline is {request.Deadline.TotalSeconds:F0} s.", null))
            : (new RoutePlan(request, hops), null);
    }

    /// <summary>⌈amount × bps ÷ 10,000⌉ without overflow for any amount.</summary>
    internal static UInt128 Fee(UInt128 amount, int bps)
    {
        var rate = (UInt128)bps;
        var whole = amount / 10_000 * rate;
        var rest = (amount % 10_000 * rate) + 9_999;
        return whole + (rest / 10_000);
    }

    private static TimeSpan Finality(ChainsConfiguration chains, string chain)
    {
        var definition = chains.FindChain(chain)!;
        return definition.BlockTime * definition.Confirmations;
    }

    private static bool Better(RoutePlan candidate, RoutePlan best) =>
        candidate.Fee != best.Fee ? candidate.Fee < best.Fee
        : candidate.Duration != best.Duration ? candidate.Duration < best.Duration
        : candidate.Hops.Count != best.Hops.Count ? candidate.Hops.Count < best.Hops.Count
        : string.CompareOrdinal(candidate.Path, best.Path) < 0;
}
