using Mesh.Oracles;
using Mesh.Rebalancing;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>The sale requests of the rebalancing cluster tests, and the checks both share (USDC: hole 5,000 USDC, global cap $100,000).</summary>
internal static class RebalanceLoad
{
    public const string Asset = "USDC";
    public const ulong Usdc = 1_000_000;
    public static readonly UInt128 Hole = 5_000 * Usdc;

    /// <summary>Every silo's settings: the adaptive policy (without a venue the static caps bind), a 5,000 USDC market cap, a $100,000 global cap.</summary>
    public static readonly string[] Settings =
    [
        "--Mesh:Rebalancing:Policy=Adaptive",
        "--Mesh:Rebalancing:GlobalCap=100000000000",
        $"--Mesh:Rebalancing:Markets:USDC:Hole={5_000 * Usdc}",
        $"--Mesh:Rebalancing:Markets:USDC:Dust={Usdc}",
        "--Mesh:Rebalancing:GrantTtl=00:02:00",
        "--Mesh:Rebalancing:QueueTtl=00:05:00",
        "--Mesh:Rebalancing:SweepInterval=00:00:00.250",
        "--Mesh:Rebalancing:ReminderPeriod=00:00:02",
    ];

    /// <summary>1,000 requests of 1–20 USDC (about 10,500 in all: twice the cap) from 5 protocols, health factors 0.8–1.6.</summary>
    public static List<SaleRequest> Requests(string run, int count = 1_000)
    {
        var random = new Random(2026);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var protocol = $"proto{i % 5}";
            var hf = 0.8 + (random.NextDouble() * 0.8);
            return new SaleRequest($"{run}-{i}", $"{protocol}/local-a", protocol, (ulong)random.Next(1, 21) * Usdc, hf, hf < 1);
        })];
    }

    public static async Task PricesAsync(IClusterClient client)
    {
        for (var i = 1; i <= 3; i++)
        {
            await client.GetGrain<IOracleGrain>(Asset).Observe(new PriceObservation($"feed-{i}", 1m, TimeProvider.System.GetUtcNow()));
        }
    }

    /// <summary>Reads every request's state; asserts the open grants sum to the view's in flight, within its capacity and the cap, and match the budget's claim.</summary>
    public static async Task<SaleGrant[]> CheckAccountedAsync(IClusterClient client, IReadOnlyList<SaleRequest> requests)
    {
        var coordinator = client.GetGrain<IRebalanceCoordinatorGrain>(Asset);
        var before = await coordinator.View();
        var grants = await Task.WhenAll(requests.Select(r => coordinator.Status(r.RequestId)));
        var after = await coordinator.View();
        var open = grants.Where(g => g!.Status == GrantStatus.Granted).Aggregate(UInt128.Zero, (s, g) => s + g!.Granted);
        Assert.True(before.InFlight <= before.Capacity && before.InFlight <= Hole, $"view: {before.InFlight} in flight, capacity {before.Capacity}");
        Assert.True(open <= Hole, $"the open grants sum to {open}, above the cap {Hole}");
        if (before.InFlight == after.InFlight && before.Granted == after.Granted)
        {
            // Nothing moved while the grants were read: they are one consistent picture.
            Assert.Equal(after.InFlight, open);
        }

        return [.. grants.Select(g => g!)];
    }

    /// <summary>Completes (half of each grant sold) or releases every open grant until none is granted or queued; checks the accounting on the way.</summary>
    public static async Task DrainAsync(IClusterClient client, IReadOnlyList<SaleRequest> requests, TimeSpan limit)
    {
        var coordinator = client.GetGrain<IRebalanceCoordinatorGrain>(Asset);
        var deadline = TimeProvider.System.GetUtcNow() + limit;
        while (true)
        {
            var grants = await CheckAccountedAsync(client, requests);
            var open = grants.Where(g => g.Status == GrantStatus.Granted).ToList();
            if (open.Count == 0 && grants.All(g => g.Status != GrantStatus.Queued))
            {
                return;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"{open.Count} grants and {grants.Count(g => g.Status == GrantStatus.Queued)} queued left after {limit.TotalSeconds} s");
            await Task.WhenAll(open.Select((g, i) => i % 4 == 0 ? coordinator.Release(g.RequestId, "sale failed") : coordinator.Complete(g.RequestId, g.Granted / 2)));
        }
    }
}
