using Mesh.Grains.Markets;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Storage;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Rebalancing.Sales;

/// <summary>
/// A single node on SQLite with the simulated spot venue clearing orders in batches (an order fills at the first call
/// after the instant it was placed), WETH at 2,000 USDC with σ 5% and the day depth <see cref="DepthWeth"/>, and the
/// coordinators' settings of <see cref="Rebalancing"/>.
/// </summary>
public abstract class VenueFixture : ClusterFixture
{
    private const string DepthKey = "Tests:Venue:DepthWeth";

    /// <summary>Gets the venue's WETH day depth, whole WETH.</summary>
    protected abstract int DepthWeth { get; }

    /// <summary>Gets the <c>Mesh:Rebalancing</c> settings beyond a 5 ms batch window.</summary>
    protected abstract IReadOnlyDictionary<string, string> Rebalancing { get; }

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with
    {
        SiloConfigurators = [typeof(Configurator)],
        Settings = new Dictionary<string, string>(Rebalancing)
        {
            ["Mesh:Protocols:AutoApproveUpTo"] = "Conservative",
            ["Mesh:Rebalancing:BatchWindow"] = "00:00:00.005",
            [DepthKey] = DepthWeth.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>Adds the simulated venue with batch clearing, at the fixture's depth.</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddSimulatedMarketVenue(o =>
            {
                o.BatchClearing = true;
                o.Assets["WETH"] = new SimulatedAssetMarketOptions
                {
                    StartMidPrice = 2_000m,
                    BaselineDepth = (UInt128)ulong.Parse(siloBuilder.Configuration[DepthKey] ?? "10000", System.Globalization.CultureInfo.InvariantCulture) * Members.WethUnit,
                    DailyVolatility = 0.05,
                };
            });
    }
}
