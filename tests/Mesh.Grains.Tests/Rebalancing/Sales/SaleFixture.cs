using Mesh.Grains.Markets;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Storage;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Rebalancing.Sales;

/// <summary>
/// A single node on SQLite with the simulated spot venue clearing orders in batches (an order fills at the first call
/// after the instant it was placed), WETH at 2,000 USDC with a day depth of 10,000 WETH; WETH's coordinator runs the
/// static caps with room to spare, and a grant expires one second after it is made.
/// </summary>
public sealed class SaleFixture : ClusterFixture
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with
    {
        SiloConfigurators = [typeof(Configurator)],
        Settings = new Dictionary<string, string>
        {
            ["Mesh:Protocols:AutoApproveUpTo"] = "Conservative",
            ["Mesh:Rebalancing:BatchWindow"] = "00:00:00.005",
            ["Mesh:Rebalancing:GrantTtl"] = "00:00:01",
            ["Mesh:Rebalancing:Markets:WETH:Policy"] = "StaticCaps",
            ["Mesh:Rebalancing:Markets:WETH:Hole"] = (1_000 * Members.WethUnit).ToString(),
        },
    };

    /// <summary>Adds the simulated venue with batch clearing.</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddSimulatedMarketVenue(o =>
            {
                o.BatchClearing = true;
                o.Assets["WETH"] = new SimulatedAssetMarketOptions
                {
                    StartMidPrice = 2_000m,
                    BaselineDepth = 10_000 * Members.WethUnit,
                    DailyVolatility = 0.05,
                };
            });
    }
}
