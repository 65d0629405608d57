using Mesh.Chains.Clients;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainLedgerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task SubmitAsync_WithdrawAnotherProtocolsCollateral_FailsAndBalancesStaySegregated()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        sut.Fund(TestChain.Bob, TestChain.Usdc, 1_000);
        await sut.SubmitAsync(TestChain.Operation("p1/d", OperationKind.Deposit, 800, TestChain.Alice, protocol: "p1"));
        await sut.SubmitAsync(TestChain.Operation("p2/d", OperationKind.Deposit, 100, TestChain.Bob, protocol: "p2"));
        _time.AdvanceBlocks(1);

        var greedy = TestChain.Operation("p2/w", OperationKind.Withdraw, 500, TestChain.Bob, protocol: "p2");
        await sut.SubmitAsync(greedy);
        _time.AdvanceBlocks(3);

        Assert.Equal(ChainErrorCodes.InsufficientVaultBalance, (await sut.GetOperationAsync(greedy.Id)).FailureCode);
        Assert.Equal((UInt128)800, await sut.GetVaultBalanceAsync(TestChain.Usdc, "p1"));
        Assert.Equal((UInt128)100, await sut.GetVaultBalanceAsync(TestChain.Usdc, "p2"));
        Assert.Equal((UInt128)900, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Vault));
    }

    [Fact]
    public async Task SubmitAsync_DepositOfOneToken_OtherTokenUntouched()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        sut.Fund(TestChain.Alice, TestChain.Weth, 5);
        await sut.SubmitAsync(TestChain.Operation("w", OperationKind.Deposit, 5, token: TestChain.Weth));
        _time.AdvanceBlocks(1);

        Assert.Equal((UInt128)1_000, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice));
        Assert.Equal(UInt128.Zero, await sut.GetBalanceAsync(TestChain.Weth, TestChain.Alice));
        Assert.Equal((UInt128)5, await sut.GetVaultBalanceAsync(TestChain.Weth, TestChain.Protocol));
        Assert.Equal(UInt128.Zero, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
    }

    [Fact]
    public void Fund_MintsCountTowardsSupply_AndOverflowIsRefused()
    {
        var sut = TestChain.Create(_time);

        sut.Fund(TestChain.Alice, TestChain.Usdc, UInt128.MaxValue - 1);
        sut.Fund(TestChain.Bob, TestChain.Usdc, 1);

        Assert.Equal(UInt128.MaxValue, sut.GetMinted(TestChain.Usdc));
        Assert.Equal(UInt128.MaxValue, sut.GetTotalSupply(TestChain.Usdc));
        Assert.Throws<OverflowException>(() => sut.Fund(TestChain.Bob, TestChain.Usdc, 1));
        Assert.Equal(UInt128.MaxValue, sut.GetMinted(TestChain.Usdc));
    }

    [Fact]
    public void Fund_InvalidInput_Throws()
    {
        var sut = TestChain.Create(_time);

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.Fund(TestChain.Alice, TestChain.Usdc, 0));
        Assert.Throws<ArgumentException>(() => sut.Fund("alice", TestChain.Usdc, 1));
        Assert.Equal(ChainErrorCodes.UnknownToken, Assert.Throws<ChainClientException>(() => sut.Fund(TestChain.Alice, "DAI", 1)).Code);
    }

    [Fact]
    public async Task GetBalanceAsync_MixedCaseAddress_SameAccount()
    {
        var sut = TestChain.Create(_time);
        sut.Fund("0x00000000000000000000000000000000000A11CE", TestChain.Usdc, 7);

        Assert.Equal((UInt128)7, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice));
    }

    [Fact]
    public async Task GetBalanceAsync_UnknownToken_RejectedUnknownToken()
    {
        var sut = TestChain.Create(_time);

        var error = await Assert.ThrowsAsync<ChainClientException>(() => sut.GetBalanceAsync("DAI", TestChain.Alice));

        Assert.Equal(ChainErrorCodes.UnknownToken, error.Code);
    }
}
