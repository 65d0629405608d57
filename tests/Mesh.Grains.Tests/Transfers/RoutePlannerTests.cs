using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Mesh.Chains;
using Mesh.Chains.Configuration;
using Mesh.Errors;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Grains.Transfers;

namespace Mesh.Grains.Tests.Transfers;

public sealed class RoutePlannerTests
{
    private const string A = "local-a";
    private const string B = "local-b";
    private const string C = "local-c";
    private static readonly UInt128 Usdc = 1_000_000;

    // Each chain of the repository's chains.json is final after 2 blocks of 1 s: a hop takes 2 s + latency + 2 s.
    private static ChainsConfiguration Chains(params BridgeRoute[] routes) => TestChains.Load() with { Routes = routes };

    private static BridgeRoute Route(string from, string to, int feeBps, int latencySeconds, UInt128? capacity = null, UInt128? bucket = null, UInt128? refill = null) => new()
    {
        From = from,
        To = to,
        Asset = "USDC",
        FeeBps = feeBps,
        Latency = TimeSpan.FromSeconds(latencySeconds),
        Capacity = capacity ?? 1_000_000 * Usdc,
        RateLimit = new RouteRateLimit(bucket ?? 500_000 * Usdc, refill ?? 100 * Usdc),
    };

    private static RouteLoad Idle(BridgeRoute route) => new(UInt128.Zero, route.RateLimit.Capacity);

    private static ChainHealth Healthy(string chain) => ChainHealth.Healthy;

    [Fact]
    public void Plan_TwoHopsCheaperThanDirect_TakesTheCheaperWithinTheDeadline()
    {
        var chains = Chains(Route(A, B, 10, 30), Route(A, C, 2, 30), Route(C, B, 3, 30));

        var sut = RoutePlanner.Plan(chains, new RouteRequest("USDC", A, B, 10_000 * Usdc, TimeSpan.FromMinutes(5)), Idle, Healthy);

        Assert.Equal("local-a → local-c → local-b", sut.Plan!.Path);
        // 2 bp of 10,000 USDC is 2 USDC; 3 bp of the 9,998 that arrive on C is 2.9994 USDC.
        Assert.Equal(2 * Usdc, sut.Plan.Hops[0].Fee);
        Assert.Equal(2_999_400UL, (ulong)sut.Plan.Hops[1].Fee);
        Assert.Equal(sut.Plan.Request.Amount, sut.Plan.Delivered + sut.Plan.Fee);
        Assert.Equal(TimeSpan.FromSeconds(2 * (2 + 30 + 2)), sut.Plan.Duration);
    }

    [Fact]
    public void Plan_DeadlineTooShortForTwoHops_TakesTheDirectRouteAndSaysWhy()
    {
        var chains = Chains(Route(A, B, 10, 30), Route(A, C, 2, 30), Route(C, B, 3, 30));

        var sut = RoutePlanner.Plan(chains, new RouteRequest("USDC", A, B, 10_000 * Usdc, TimeSpan.FromSeconds(40)), Idle, Healthy);

        Assert.Equal("local-a → local-b", sut.Plan!.Path);
        Assert.Equal(10 * Usdc, sut.Plan.Fee);
        Assert.Contains(sut.Refusals, r => r.Path == "local-a → local-c → local-b" && r.Code == "route.too_slow");
    }

    [Fact]
    public void Plan_RouteNearCapacity_FallsBackAndNamesTheRoom()
    {
        var direct = Route(A, B, 1, 30, capacity: 20_000 * Usdc);
        var chains = Chains(direct, Route(A, C, 2, 30), Route(C, B, 3, 30));

        var sut = RoutePlanner.Plan(chains, new RouteRequest("USDC", A, B, 10_000 * Usdc, TimeSpan.FromMinutes(5)), r => r == direct ? new RouteLoad(15_000 * Usdc, r.RateLimit.Capacity) : Idle(r), Healthy);

        Assert.Equal("local-a → local-c → local-b", sut.Plan!.Path);
        var refusal = Assert.Single(sut.Refusals);
        Assert.Equal("route.capacity", refusal.Code);
        Assert.Contains((5_000 * Usdc).ToString(), refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RateLimited_RefusesWithTheWaitOfTheBucket()
    {
        var direct = Route(A, B, 1, 30, bucket: 50_000 * Usdc, refill: 100 * Usdc);
        var chains = Chains(direct);

        // 1,000 USDC available, 10,000 needed: 9,000 missing at 100 a second is 90 s.
        var sut = RoutePlanner.Plan(chains, new RouteRequest("USDC", A, B, 10_000 * Usdc, TimeSpan.FromMinutes(5)), r => new RouteLoad(UInt128.Zero, 1_000 * Usdc), Healthy);

        Assert.Null(sut.Plan);
        var refusal = Assert.Single(sut.Refusals);
        Assert.Equal("route.rate_limited", refusal.Code);
        Assert.Equal(TimeSpan.FromSeconds(90), refusal.RetryAfter);
    }

    [Fact]
    public void Plan_MoreThanTheBucketEverHolds_RefusesWithoutAWait()
    {
        var chains = Chains(Route(A, B, 1, 30, bucket: 5_000 * Usdc));

        var sut = RoutePlanner.Plan(chains, new RouteRequest("USDC", A, B, 10_000 * Usdc, TimeSpan.FromMinutes(5)), r => new RouteLoad(UInt128.Zero, 5_000 * Usdc), Healthy);

        Assert.Null(Assert.Single(sut.Refusals).RetryAfter);
    }

    [Theory]
    [InlineData(ChainHealth.Halted)]
    [InlineData(ChainHealth.Unreachable)]
    public void Plan_IntermediateChainDown_AvoidsIt(ChainHealth down)
    {
        var chains = Chains(Route(A, B, 10, 30), Route(A, C, 2, 30), Route(C, B, 3, 30));

        var sut = RoutePlanner.Plan(chains, new RouteRequest("USDC", A, B, 10_000 * Usdc, TimeSpan.FromMinutes(5)), Idle, c => c == C ? down : ChainHealth.Healthy);

        Assert.Equal("local-a → local-b", sut.Plan!.Path);
        Assert.Equal("route.chain_unhealthy", Assert.Single(sut.Refusals).Code);
    }

    [Fact]
    public void Plan_NoRouteForTheAsset_SaysSo()
    {
        var sut = RoutePlanner.Plan(Chains(Route(A, B, 10, 30)), new RouteRequest("USDC", B, A, Usdc, TimeSpan.FromMinutes(5)), Idle, Healthy);

        Assert.Null(sut.Plan);
        Assert.Equal("route.none", Assert.Single(sut.Refusals).Code);
    }

    [Theory]
    [InlineData("nowhere", B, "USDC", 1, "from", "chain.unknown")]
    [InlineData(A, "nowhere", "USDC", 1, "to", "chain.unknown")]
    [InlineData(A, A, "USDC", 1, "to", "route.same_chain")]
    [InlineData(A, B, "DOGE", 1, "asset", "asset.unknown")]
    [InlineData(A, B, "USDC", 0, "amount", "amount.zero")]
    public void Plan_BadRequest_RefusedNamingTheField(string from, string to, string asset, int amount, string field, string code)
    {
        var error = Assert.Throws<MeshException>(() => RoutePlanner.Plan(Chains(Route(A, B, 10, 30)), new RouteRequest(asset, from, to, (UInt128)amount, TimeSpan.FromMinutes(1)), Idle, Healthy));

        Assert.Equal((field, code), (error.Field, error.Code));
    }

    [Fact]
    public void Fee_AnyAmount_IsTheExactCeilingOfTheRate()
    {
        var gen =
            from bps in Gen.Choose(0, 10_000)
            from hi in Gen.Choose(0, int.MaxValue)
            from mid in Gen.Choose(0, int.MaxValue)
            from lo in Gen.Choose(0, int.MaxValue)
            from shift in Gen.Choose(0, 64)
            select (bps, amount: ((((UInt128)(uint)hi << 64) | ((UInt128)(uint)mid << 32) | (uint)lo) << shift));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(gen.ToArbitrary(), c =>
            (BigInteger)RoutePlanner.Fee(c.amount, c.bps) == (((BigInteger)c.amount * c.bps) + 9_999) / 10_000));
    }

    [Fact]
    public void Plan_RandomLoads_ChosenRouteFitsAndNoFittingRouteIsCheaper()
    {
        var gen =
            from fees in Gen.ArrayOf(Gen.Choose(0, 50), 6)
            from used in Gen.ArrayOf(Gen.Choose(0, 100), 6)
            from amount in Gen.Choose(1, 60_000)
            select (fees, used, amount);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var pairs = new[] { (A, B), (B, A), (A, C), (C, A), (B, C), (C, B) };
            var routes = pairs.Select((p, i) => Route(p.Item1, p.Item2, input.fees[i], 30, capacity: 100_000 * Usdc)).ToArray();
            var load = routes.ToDictionary(r => r, r => new RouteLoad((UInt128)(input.used[Array.IndexOf(routes, r)] * 1_000) * Usdc, r.RateLimit.Capacity));
            var request = new RouteRequest("USDC", A, B, (UInt128)input.amount * Usdc, TimeSpan.FromMinutes(10));

            var sut = RoutePlanner.Plan(Chains(routes), request, r => load[r], Healthy);

            // Brute force over both candidates (direct, through C) with the same rules.
            var feasible = new List<UInt128>();
            foreach (var path in new[] { new[] { routes[0] }, new[] { routes[2], routes[5] } })
            {
                var moving = request.Amount;
                var fits = true;
                foreach (var r in path)
                {
                    fits &= moving <= r.Capacity - load[r].InTransit;
                    moving -= RoutePlanner.Fee(moving, r.FeeBps);
                }

                if (fits)
                {
                    feasible.Add(request.Amount - moving);
                }
            }

            return feasible.Count == 0 ? sut.Plan is null : sut.Plan is not null && sut.Plan.Fee == feasible.Min() && sut.Plan.Delivered + sut.Plan.Fee == request.Amount;
        }));
    }
}
