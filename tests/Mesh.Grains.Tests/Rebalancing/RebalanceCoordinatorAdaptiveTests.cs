using Mesh.Rebalancing;
using Mesh.Testing;
using static Mesh.Grains.Tests.Rebalancing.RebalancingFixture;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>The coordinator grain under the adaptive policy (WETH; σ_daily = bound = 2%, Y = 1, so capacity = depth).</summary>
[Collection(RebalancingCollection.Name)]
public sealed class RebalanceCoordinatorAdaptiveTests(RebalancingFixture fixture) : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private IRebalanceCoordinatorGrain Sut => fixture.Coordinator("WETH");

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    // Q = depth · (bound ÷ (Y·σ))²: σ = bound gives the depth; doubling σ quarters it; halving Y quadruples it.
    [InlineData(1_000, 0.02, 1.0, 1_000)]
    [InlineData(1_000, 0.04, 1.0, 250)]
    [InlineData(1_000, 0.04, 0.5, 1_000)]
    [InlineData(0, 0.02, 1.0, 0)]
    public async Task View_CapacityIsDepthTimesBoundOverImpactSquared(long depth, double sigma, double y, long capacity)
    {
        Venue.Set("WETH", (UInt128)depth, sigma, 2_000m, y);

        var view = await Sut.View();

        Assert.Equal(((UInt128)capacity, "adaptive", (UInt128?)(UInt128)depth, (double?)0.02), (view.Capacity, view.CapacityBasis, view.Depth, view.ImpactBound));
    }

    [Fact]
    public async Task View_NoMarketAndNoPrice_NothingGrantedUnderTheGlobalCapWithTheReason()
    {
        Venue.Remove("WETH");

        var view = await Sut.View();
        var request = await Sut.Request(Sale("unpriced", 1, 0.8));

        Assert.Equal((UInt128.Zero, "budget.no_price", (UInt128?)null, (double?)null), (view.Capacity, view.CapacityBasis, view.Depth, view.ExpectedImpact));
        Assert.Equal((GrantStatus.Queued, "price.unknown"), (request.Status, request.Reason));
    }

    [Fact]
    public async Task Request_DepthContracts_CapacityShrinksNewRequestsQueueAndRecoveryGrantsThem()
    {
        var first = await Sut.Request(Sale("first", 600, 1.1));
        var full = await Sut.View();
        Assert.Equal((GrantStatus.Granted, (UInt128)600), (first.Status, first.Granted));
        Assert.InRange(full.ExpectedImpact!.Value, 0.0154, 0.0155); // 0.02 · √0.6

        SetWethDepth(400);
        var crunch = await Sut.View();
        var second = await Sut.Request(Sale("second", 100, 0.9));

        Assert.Equal(((UInt128)400, (UInt128)600, UInt128.Zero), (crunch.Capacity, crunch.InFlight, crunch.Free));
        Assert.True(crunch.ExpectedImpact > crunch.ImpactBound, "what was granted before the crunch is now above the bound");
        Assert.Equal((GrantStatus.Queued, "room.none"), (second.Status, second.Reason));

        // Depth recovers: the next sweep grants the queue with no call from the vault.
        SetWethDepth(2_000);
        await Eventually.TrueAsync(async () => (await Sut.View()).Queued == 0, "the sweep granted the queue after the recovery");
        Assert.Equal(GrantStatus.Granted, (await Sut.Status(Id("second")))!.Status);
    }

    [Fact]
    public async Task Request_Scarce_LowestHealthFactorsGrantedFirst()
    {
        SetWethDepth(0);
        var random = new Random(7);
        var factors = Enumerable.Range(0, 40).Select(_ => 1.0 + random.NextDouble()).ToList();
        var queued = await Task.WhenAll(factors.Select((hf, i) => Sut.Request(Sale($"v{i}", 1, hf))));
        Assert.All(queued, q => Assert.Equal(GrantStatus.Queued, q.Status));

        SetWethDepth(5);
        await Eventually.TrueAsync(async () => (await Sut.View()).InFlight == 5, "five units were granted");

        var granted = new List<double>();
        for (var i = 0; i < factors.Count; i++)
        {
            if ((await Sut.Status(Id($"v{i}")))!.Status == GrantStatus.Granted)
            {
                granted.Add(factors[i]);
            }
        }

        Assert.Equal(factors.Order().Take(5), granted.Order());
    }

    [Fact]
    public async Task Request_OneProtocolWith900AgainstFourWith25_GetsOnlyItsFairShare()
    {
        SetWethDepth(0);
        var requests = Enumerable.Range(0, 900).Select(i => Sale($"big-{i}", 1, 1.0 + (i / 1_000.0), "big"))
            .Concat(Enumerable.Range(0, 4).SelectMany(p => Enumerable.Range(0, 25).Select(i => Sale($"small{p}-{i}", 1, 1.5, $"small{p}"))))
            .ToList();
        await Task.WhenAll(requests.Select(r => Sut.Request(r)));
        Assert.Equal(1_000, (await Sut.View()).Queued);

        SetWethDepth(100);
        await Eventually.TrueAsync(async () => (await Sut.View()).InFlight == 100, "the room was granted");

        var grants = await Task.WhenAll(requests.Select(r => Sut.Status(r.RequestId)));
        var byProtocol = grants.Where(g => g!.Status == GrantStatus.Granted).GroupBy(g => g!.ProtocolId).ToDictionary(g => g.Key.Split('-')[0], g => g.Count());
        Assert.Equal(20, byProtocol["big"]);
        Assert.All(Enumerable.Range(0, 4), p => Assert.Equal(20, byProtocol[$"small{p}"]));
    }

    [Fact]
    public async Task Request_ManyAtOnce_InFlightNeverAboveCapacity()
    {
        SetWethDepth(300);
        var answers = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Sut.Request(Sale($"c{i}", (ulong)(1 + (i % 7)), 1.0 + (i % 13 / 10.0)))));

        var view = await Sut.View();
        var granted = answers.Where(a => a.Status == GrantStatus.Granted).Aggregate(UInt128.Zero, (s, a) => s + a.Granted);
        Assert.True(view.InFlight <= view.Capacity, $"{view.InFlight} in flight, capacity {view.Capacity}");
        Assert.Equal(view.InFlight, granted);
        Assert.True(granted >= 294, $"the room was used ({granted} of 300)");
        Assert.Equal(500 - answers.Count(a => a.Status == GrantStatus.Granted), view.Queued);
    }

    [Fact]
    public async Task Queued_PastTheQueueDeadline_Expires()
    {
        SetWethDepth(0);
        await Sut.Request(Sale("never", 10, 1.2));

        Clock.Advance(QueueTtl);

        var status = await Sut.Status(Id("never"));
        Assert.Equal((GrantStatus.Expired, "queue.expired", (DateTimeOffset?)null), (status!.Status, status.Reason, status.ExpiresAt));
    }

    private SaleRequest Sale(string name, ulong quantity, double hf, string protocol = "p") =>
        new(Id(name), $"{protocol}-{_run}/local-a", $"{protocol}-{_run}", quantity, hf, hf < 1);

    private string Id(string name) => $"{_run}-{name}";
}
