using BenchmarkDotNet.Attributes;
using Mesh.Grains.Rebalancing;
using Mesh.Oracles;
using Mesh.Rebalancing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Benchmarks;

/// <summary>
/// 10,000 sale requests (10,000 vaults, 5 protocols, random health factors 0.8–1.6, 1–10 whole units each) issued at
/// once to one rebalance coordinator in an in-process silo (the production wiring, SQLite storage), until every decision
/// (granted, partially granted or queued) is returned (target: 250 ms). <see cref="Adaptive"/>: WETH under the adaptive
/// policy (a static cap of 10,000 WETH, the impact-bounded capacity from a fixed venue's depth and the oracle's forecast
/// volatility, the $100 M global budget, most urgent first, fair share per protocol): a few hundred requests are granted
/// (the setup prints how many), the rest queued durably.
/// <see cref="Unbounded"/> (baseline): the same requests to USDC under the unbounded policy (every one granted whole).
/// </summary>
/// <remarks>
/// Each iteration's setup (untimed) empties both books: the coordinators' clock (<see cref="BenchClock"/>) jumps past
/// every deadline and retention, and two views sweep. Requests are new each iteration (fresh ids).
/// </remarks>
[MemoryDiagnoser]
[RevaluationJob]
[WarmupCount(3)]
[IterationCount(10)]
public class RebalanceBenchmarks
{
    public const int Requests = 10_000;
    private static readonly UInt128 Weth = 1_000_000_000_000_000_000UL;
    private static readonly UInt128 Usdc = 1_000_000;
    private readonly BenchClock _clock = new();
    private InProcessSilo _silo = null!;
    private SaleRequest[] _requests = [];
    private int _iteration;

    /// <summary>Gets or sets the coordinators' batch window in milliseconds: how long a round gathers requests before deciding them together.</summary>
    [Params(2, 25)]
    public int BatchWindowMs { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(Adaptive))]
    public void NextAdaptive() => Next("WETH", Weth);

    [IterationSetup(Target = nameof(Unbounded))]
    public void NextUnbounded() => Next("USDC", Usdc);

    [Benchmark(Baseline = true)]
    public Task<int> Unbounded() => IssueAllAsync("USDC");

    [Benchmark]
    public Task<int> Adaptive() => IssueAllAsync("WETH");

    private async Task<int> IssueAllAsync(string asset)
    {
        var coordinator = _silo.GrainFactory.GetGrain<IRebalanceCoordinatorGrain>(asset);
        var decisions = await Task.WhenAll(_requests.Select(r => coordinator.Request(r)));
        var granted = decisions.Count(d => d.Status == GrantStatus.Granted);
        if (decisions.Length != Requests || granted == 0 || decisions.Any(d => d.Status is not (GrantStatus.Granted or GrantStatus.Queued)))
        {
            throw new InvalidOperationException($"{asset}: {decisions.Length} decisions, {granted} granted.");
        }

        return granted;
    }

    private void Next(string asset, UInt128 unit)
    {
        var coordinator = _silo.GrainFactory.GetGrain<IRebalanceCoordinatorGrain>(asset);
        for (var sweep = 0; sweep < 2; sweep++)
        {
            _clock.Advance(TimeSpan.FromDays(1));
            var view = coordinator.View().GetAwaiter().GetResult();
            if (view.InFlight != UInt128.Zero || view.Queued != 0)
            {
                throw new InvalidOperationException($"{asset}: the book is not empty ({view.InFlight} in flight, {view.Queued} queued).");
            }
        }

        var random = new Random(_iteration);
        var run = ++_iteration;
        _requests = [.. Enumerable.Range(0, Requests).Select(i =>
        {
            var hf = 0.8 + (random.NextDouble() * 0.8);
            var protocol = $"bench{i % 5}";
            return new SaleRequest($"{asset}-{run}-{i}", $"{protocol}-v{i:D5}/local-a", protocol, (ulong)random.Next(1, 11) * unit, hf, hf < 1);
        })];
    }

    private async Task SetupAsync()
    {
        _silo = await InProcessSilo.StartSqliteAsync(CancellationToken.None, services =>
        {
            RevaluationBook.AddServices(services);
            services.AddKeyedSingleton<TimeProvider>(RebalancingServices.ClockKey, _clock);
            services.AddSingleton<Mesh.Grains.Markets.IMarketVenue>(new BenchVenue());
            services.Configure<RebalancingOptions>(o =>
            {
                o.Policy = RebalancePolicy.Adaptive;
                o.GlobalCap = 100_000_000UL * 1_000_000UL;
                o.Markets["WETH"] = new RebalanceMarketOptions { Hole = 10_000 * Weth, Dust = Weth / 10 };
                o.Markets["USDC"] = new RebalanceMarketOptions { Policy = RebalancePolicy.Unbounded };
                o.RetainFinishedFor = TimeSpan.FromHours(1);
                o.BatchWindow = TimeSpan.FromMilliseconds(BatchWindowMs);
            });
        });
        foreach (var (asset, price) in new[] { ("WETH", 2_000m), ("USDC", 1m) })
        {
            for (var i = 1; i <= 3; i++)
            {
                await _silo.GrainFactory.GetGrain<IOracleGrain>(asset).Observe(new PriceObservation($"feed-{i}", price, TimeProvider.System.GetUtcNow()));
            }
        }
    }
}
