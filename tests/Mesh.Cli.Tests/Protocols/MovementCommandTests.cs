using Mesh.Cli.Tests.Infrastructure;

namespace Mesh.Cli.Tests.Protocols;

/// <summary><c>mesh protocol deposit</c>: funds on the simulated chain, waits until final, refuses bad amounts before sending.</summary>
[Collection(CliSiloCollection.Name)]
public sealed class MovementCommandTests(CliSilo silo)
{
    [Fact]
    public async Task Deposit_FundedAccount_WaitsUntilCompletedAndPrintsTheReceipt()
    {
        var member = await Members.ApprovedAsync(silo, "local-a");
        await silo.RunAsync(silo.OperatorKey, "operator", "faucet", "--chain", "local-a", "--token", Members.Weth, "--account", member.Account, "--amount", Members.TenWeth);

        var sut = await silo.RunAsync(member.Key, "protocol", "deposit", member.Protocol, "--chain", "local-a", "--asset", Members.Weth, "--amount", Members.TenWeth, "--json");

        Assert.True(sut.ExitCode == 0, sut.ToString());
        var receipt = sut.ParseJson();
        Assert.Equal("completed", receipt.GetProperty("status").GetString());
        Assert.Equal(Members.TenWeth, receipt.GetProperty("amount").GetString());
        Assert.Equal("", sut.Out);
    }

    [Fact]
    public async Task Deposit_NotFunded_Exit1WithTheChainsReason()
    {
        var member = await Members.ApprovedAsync(silo, "local-a");

        var sut = await silo.RunAsync(member.Key, "protocol", "deposit", member.Protocol, "--chain", "local-a", "--asset", Members.Weth, "--amount", "5");

        Assert.Equal(1, sut.ExitCode);
        Assert.Contains("insufficient", sut.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("1.5", "--amount: '1.5' is not a whole number of base units")]
    [InlineData("-3", "--amount: '-3' is not a whole number of base units")]
    [InlineData("0", "--amount: must be more than 0")]
    [InlineData("340282366920938463463374607431768211456", "--amount: '340282366920938463463374607431768211456' is larger than 2^128 - 1")]
    public async Task Deposit_BadAmount_Exit2NamingTheOption(string amount, string expected)
    {
        var sut = await silo.RunAsync(silo.OperatorKey, "protocol", "deposit", "some-protocol", "--chain", "local-a", "--asset", Members.Weth, $"--amount={amount}");

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains(expected, sut.Error);
        Assert.Equal("", sut.Json);
    }
}
