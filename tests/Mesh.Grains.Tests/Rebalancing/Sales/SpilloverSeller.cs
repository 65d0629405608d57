using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Revaluation;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Rebalancing.Sales;

/// <summary>A vault that holds five days of the spillover market's depth, ready to sell, and its revaluation partition.</summary>
/// <param name="Vault">The vault: 100 WETH against 50,000 USDC of credit it has put to work, rebalancing on.</param>
/// <param name="Partition">Its WETH revaluation partition.</param>
/// <param name="Index">The partition's number.</param>
/// <param name="Live">WETH's oracle snapshot when the vault was opened.</param>
internal sealed record SpilloverSeller(IVaultGrain Vault, IRevaluationIndexGrain Partition, int Index, OracleSnapshot Live)
{
    /// <summary>Opens the seller for the account number <paramref name="n"/> (once per cluster: see <see cref="Members.SellerAsync"/>).</summary>
    public static async Task<SpilloverSeller> OpenAsync(SpilloverFixture fixture, Members members, int n)
    {
        var vault = await members.SellerAsync(n, new RebalanceSettings(AutoSell: true));
        var index = RevaluationPartitions.Of(vault.GetPrimaryKeyString());
        var partition = fixture.Client.GetGrain<IRevaluationIndexGrain>(RevaluationPartitions.Key("WETH", index));
        return new SpilloverSeller(vault, partition, index, await fixture.Client.GetGrain<IOracleGrain>("WETH").Snapshot());
    }
}
