using Mesh.Simulation.Reports;

namespace Mesh.Simulation.Tests.Reports;

/// <summary>A small hand-made report: two policies, three samples each.</summary>
internal static class SampleReport
{
    internal static SimulationReport Create(string firstPolicy = PolicyNames.Unbounded, string title = "Fire sale: default scenario") => new(
        title,
        "default (seed 20221108)",
        [
            new PolicyRun(
                firstPolicy,
                [
                    new(TimeSpan.Zero, 3_000m, 3_000m, 0m, 0, 0),
                    new(TimeSpan.FromSeconds(15), 2_950.5m, 2_990m, 1_250_000m, 4, 12),
                    new(TimeSpan.FromSeconds(30), 1_812.4m, 2_000m, 25_000_000m, 40, 0),
                ],
                new PolicySummary(1_812.4m, 0.1234m, 1_234_567.89m, 42, 98_765.4m, 25_000_000m, null, 1_234.5m, new([1.5, 2.0, 1.2], [0.8, 0.95, 1.1, 0.7], [1.3, double.PositiveInfinity])),
                [
                    new VaultResult("proto-1/local-a/v00000", "proto-1", "local-a", 41.683m, 1.34, 0.0, 41, 37, 41.683m, 78_984.66m, 2_827.10m, 9_167.25m, 0m, 11_994.35m),
                    new VaultResult("proto-2/local-a/v00001", "proto-2", "local-a", 12.5m, 1.9, null, 2, 0, 12.5m, 30_000m, 0m, 0m, 4_100.5m, 0m, HedgeShort: 3.25m, HedgeImpactUsd: 41.5m, HedgeGainUsd: 812.06m, ToppedUp: -1.25m),
                ]),
            new PolicyRun(
                PolicyNames.Adaptive,
                [
                    new(TimeSpan.Zero, 3_000m, 3_000m, 0m, 0, 0),
                    new(TimeSpan.FromSeconds(15), 2_985m, 2_990m, 400_000m, 1, 30),
                    new(TimeSpan.FromSeconds(30), 1_950m, 2_000m, 4_500_000m, 1, 5),
                ],
                new PolicySummary(1_950m, 0.025m, 210_000m, 3, 0m, 4_500_000m, TimeSpan.FromSeconds(1_290), 0.08m, new([1.5, 2.0, 1.2], [1.05, 0.98, 1.2], [1.4, 1.6]), WorstPerpDiscount: 0.018734m)),
        ],
        ["40 vaults on 3 chains", "WETH depth 10,000 a day, sigma 5%"]);
}
