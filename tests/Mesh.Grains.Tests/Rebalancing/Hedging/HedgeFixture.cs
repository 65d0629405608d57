using Mesh.Grains.Markets;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Rebalancing.Hedging;

/// <summary>
/// A single node on SQLite with the simulated spot venue (WETH at 2,000 USDC, a day depth of 10,000 WETH, σ 5%) and the
/// simulated perp venue over it. WETH's coordinator runs the static caps with a hole of 2 WETH, so that a hedge of more
/// than that is granted in parts.
/// </summary>
public sealed class HedgeFixture : ClusterFixture
{
    public static readonly UInt128 Hole = 2 * Members.WethUnit;

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    public SimulatedPerpVenue Perps => (SimulatedPerpVenue)Cluster.Silos.OfType<InProcessSiloHandle>().First().SiloHost.Services.GetRequiredService<IPerpVenue>();

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with
    {
        SiloConfigurators = [typeof(Configurator)],
        Settings = new Dictionary<string, string>
        {
            ["Mesh:Protocols:AutoApproveUpTo"] = "Conservative",
            ["Mesh:Rebalancing:BatchWindow"] = "00:00:00.005",
            ["Mesh:Rebalancing:Markets:WETH:Policy"] = "StaticCaps",
            ["Mesh:Rebalancing:Markets:WETH:Hole"] = Hole.ToString(),
        },
    };

    /// <summary>Adds the simulated spot and perp venues.</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSimulatedMarketVenue(o => o.Assets["WETH"] = new SimulatedAssetMarketOptions
            {
                StartMidPrice = 2_000m,
                BaselineDepth = 10_000 * Members.WethUnit,
                DailyVolatility = 0.05,
            });
            // The perp book forgets the flow it took within milliseconds (on the machine's clock), so that each test
            // trades on a rested book whatever ran before it; its memory is tested on its own (SimulatedPerpVenueTests).
            siloBuilder.Services.AddSimulatedPerpVenue(o => o.ImpactHalfLife = TimeSpan.FromMilliseconds(5));
        }
    }
}
