using Mesh.Audit;
using Mesh.Grains.Tests.Infrastructure;
using static Mesh.Grains.Tests.Infrastructure.Members;

namespace Mesh.Grains.Tests.Audit;

/// <summary>The audit is not a formality: tokens the books do not know about show as a difference, named by asset and chain.</summary>
public sealed class ConservationBreachTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Run_TokensSentToTheVaultContractOutsideTheMesh_ReportsTheExactDifference()
    {
        var members = new Members(fixture);
        await members.PricesAsync();
        await members.DepositedAsync("honest", 0xE1, "USDC", 1_000 * UsdcUnit);
        members.SimulatedChain.Fund(members.SimulatedChain.Definition.Contracts.Vault, "USDC", 7);

        var sut = await fixture.Client.GetGrain<IConservationAuditGrain>(0).Run();

        Assert.False(sut.Balanced);
        var usdc = sut.Assets.Single(a => a.Asset == "USDC");
        Assert.False(usdc.Balanced);
        var line = usdc.Chains.Single(c => c.Chain == Chain);
        Assert.Equal(("7", false), (line.Difference, line.Balanced));
        Assert.True(usdc.Pool.Balanced);
        Assert.All(sut.Assets.Where(a => a.Asset != "USDC"), a => Assert.True(a.Balanced));
        Assert.All(usdc.Chains.Where(c => c.Chain != Chain), c => Assert.True(c.Balanced));
    }
}
