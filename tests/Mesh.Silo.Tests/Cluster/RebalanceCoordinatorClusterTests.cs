using System.Collections.Concurrent;
using System.Diagnostics;
using Mesh.Rebalancing;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// The USDC rebalance coordinator on three silo processes on PostgreSQL: 1,000 concurrent sale requests (twice what the
/// market's cap lets through) never put more in flight than the cap, and a SIGKILL of the coordinator's silo while
/// requests are in flight neither grants anything twice nor loses capacity.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RebalanceCoordinatorClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThousandConcurrentRequests_ThreeSilos_InFlightNeverAboveCapacity()
    {
        var clock = Stopwatch.StartNew();
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("rebalance");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output, RebalanceLoad.Settings);
        await RebalanceLoad.PricesAsync(cluster.Client);
        var coordinator = cluster.Client.GetGrain<IRebalanceCoordinatorGrain>(RebalanceLoad.Asset);
        var requests = RebalanceLoad.Requests("load");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: 3 silos up");

        var views = new ConcurrentBag<CoordinatorView>();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                views.Add(await coordinator.View());
            }
        });
        var answers = await Task.WhenAll(requests.Select(r => coordinator.Request(r)));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: 1,000 answered: {answers.Count(a => a.Status == GrantStatus.Granted)} granted, {answers.Count(a => a.Status == GrantStatus.Queued)} queued");

        var granted = answers.Where(a => a.Status == GrantStatus.Granted).Aggregate(UInt128.Zero, (s, a) => s + a.Granted);
        Assert.True(granted <= RebalanceLoad.Hole, $"the answers granted {granted} in all, above the cap");
        Assert.True(granted >= RebalanceLoad.Hole - (20 * RebalanceLoad.Usdc), $"the cap was used: {granted}");
        Assert.Equal(1_000, answers.Count(a => a.Status is GrantStatus.Granted or GrantStatus.Queued));
        await RebalanceLoad.CheckAccountedAsync(cluster.Client, requests);

        await RebalanceLoad.DrainAsync(cluster.Client, requests, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await watcher;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: drained; {views.Count} views taken, most in flight {views.Max(v => v.InFlight)}");

        Assert.All(views, v => Assert.True(v.InFlight <= v.Capacity && v.InFlight <= RebalanceLoad.Hole, $"{v.InFlight} in flight, capacity {v.Capacity}"));
        var final = await coordinator.View();
        Assert.Equal((UInt128.Zero, 0, 1_000L), (final.InFlight, final.Queued, final.Granted));
        await Eventually.TrueAsync(async () => (await cluster.Client.GetGrain<IRebalanceBudgetGrain>(IRebalanceBudgetGrain.Key).View()).Claimed == UInt128.Zero, "the budget's claim fell to zero", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CoordinatorSiloKilledMidRebalance_RetriesGrantNothingTwiceAndCapacityIsExactlyAccounted()
    {
        var clock = Stopwatch.StartNew();
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("rebalance-kill");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output, RebalanceLoad.Settings);
        await RebalanceLoad.PricesAsync(cluster.Client);
        var coordinator = cluster.Client.GetGrain<IRebalanceCoordinatorGrain>(RebalanceLoad.Asset);
        var requests = RebalanceLoad.Requests("kill");
        var warm = await Task.WhenAll(requests.Take(100).Select(r => coordinator.Request(r)));
        var address = await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(coordinator);
        var victim = cluster.ProcessOf(address!.ToParsableString());
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: 3 silos up, 100 requests answered; the coordinator is on :{victim.SiloPort}");

        // The other 900 from 8 callers, one request after another each, so that the kill finds requests in flight.
        var answered = new ConcurrentDictionary<string, SaleGrant>(warm.ToDictionary(a => a.RequestId));
        var pending = new ConcurrentQueue<SaleRequest>(requests.Skip(100));
        var cut = new ConcurrentBag<string>();
        var drivers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (pending.TryDequeue(out var request))
            {
                try
                {
                    answered[request.RequestId] = await coordinator.Request(request).WaitAsync(TimeSpan.FromSeconds(5));
                }
                catch (Exception exception) when (exception is not Mesh.Errors.MeshException)
                {
                    cut.Add(request.RequestId);
                }
            }
        })).ToList();
        await Eventually.TrueAsync(() => answered.Count >= 300, "300 requests answered before the kill", TimeSpan.FromSeconds(30));
        await victim.KillAsync();
        var (killedAt, answeredAtKill) = (clock.Elapsed, answered.Count);
        await Task.WhenAll(drivers);
        output.WriteLine($"{killedAt.TotalSeconds:F1}s: killed :{victim.SiloPort} with {answeredAtKill} of 1,000 answered; {cut.Count} calls failed");

        // Every request again, until each has an answer from the survivors.
        var retried = await Task.WhenAll(requests.Select(r => RetryAsync(() => coordinator.Request(r), TimeSpan.FromSeconds(45))));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: every request answered again: {retried.Count(a => a.Status == GrantStatus.Granted)} granted, {retried.Count(a => a.Status == GrantStatus.Queued)} queued");

        Assert.True(answeredAtKill < 1_000, "requests were in flight at the kill");
        foreach (var before in answered.Values.Where(a => a.Status == GrantStatus.Granted))
        {
            // An answered grant was durable: the retry shows the same grant, not a second one.
            var after = retried.Single(r => r.RequestId == before.RequestId);
            Assert.Equal((GrantStatus.Granted, before.Granted, before.GrantedAt), (after.Status, after.Granted, after.GrantedAt));
        }

        var grants = await RebalanceLoad.CheckAccountedAsync(cluster.Client, requests);
        var view = await coordinator.View();
        var open = grants.Where(g => g.Status == GrantStatus.Granted).Aggregate(UInt128.Zero, (s, g) => s + g.Granted);
        Assert.Equal(view.InFlight, open);
        Assert.Equal(view.Granted, grants.Count(g => g.Status == GrantStatus.Granted));
        await Eventually.TrueAsync(async () => (await Claim(cluster)) == open, "the budget's claim is the open grants' value (USDC at $1: one micro-USD per base unit)", TimeSpan.FromSeconds(10));

        await RebalanceLoad.DrainAsync(cluster.Client, requests, TimeSpan.FromSeconds(30));
        var final = await coordinator.View();
        Assert.Equal((UInt128.Zero, 0), (final.InFlight, final.Queued));
        await Eventually.TrueAsync(async () => (await Claim(cluster)) == UInt128.Zero, "the budget's claim fell to zero", TimeSpan.FromSeconds(10));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: drained; {final.Granted} grants in all, {final.Completed} completed");
    }

    private static async Task<UInt128> Claim(SiloCluster cluster) =>
        (await cluster.Client.GetGrain<IRebalanceBudgetGrain>(IRebalanceBudgetGrain.Key).View()).Claims.GetValueOrDefault(RebalanceLoad.Asset);

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception exception) when (exception is not Mesh.Errors.MeshException && clock.Elapsed < limit)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}
