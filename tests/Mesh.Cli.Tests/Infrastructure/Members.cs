namespace Mesh.Cli.Tests.Infrastructure;

/// <summary>Protocols and keys made through the CLI itself, each with fresh ids so that tests share one silo.</summary>
public static class Members
{
    public const string Weth = "WETH";
    public const string TenWeth = "10000000000000000000";

    public static string Fresh(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A fresh account address (0x and 40 hex digits).</summary>
    public static string Account() => "0x" + Guid.NewGuid().ToString("N")[..20].PadLeft(40, '0');

    /// <summary>Joins (standard tier: pending) and approves a protocol; returns its id, account and key.</summary>
    public static async Task<(string Protocol, string Account, string Key)> ApprovedAsync(CliSilo silo, params string[] chains)
    {
        var protocol = Fresh("cli");
        var account = Account();
        var join = await silo.RunAsync(null, ["protocol", "join", protocol, "--name", $"CLI {protocol}", .. chains.SelectMany(c => new[] { "--chain", c }), "--contact", "ops@example.org", "--account", account]);
        Assert.True(join.ExitCode == 0, join.ToString());
        var approve = await silo.RunAsync(silo.OperatorKey, "operator", "approve", protocol, "--json");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        return (protocol, account, approve.ParseJson().GetProperty("apiKey").GetString()!);
    }

    /// <summary>A new router key, made with <c>mesh operator keys create</c>.</summary>
    public static async Task<string> RouterKeyAsync(CliSilo silo)
    {
        var created = await silo.RunAsync(silo.OperatorKey, "operator", "keys", "create", "--role", "router", "--principal", Fresh("router"), "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        return created.ParseJson().GetProperty("key").GetString()!;
    }

    /// <summary>Funds the account on the chain and deposits the amount into the protocol's vault there, through the CLI.</summary>
    public static async Task DepositedAsync(CliSilo silo, (string Protocol, string Account, string Key) member, string chain, string asset, string amount)
    {
        var faucet = await silo.RunAsync(silo.OperatorKey, "operator", "faucet", "--chain", chain, "--token", asset, "--account", member.Account, "--amount", amount);
        Assert.True(faucet.ExitCode == 0, faucet.ToString());
        var deposit = await silo.RunAsync(member.Key, "protocol", "deposit", member.Protocol, "--chain", chain, "--asset", asset, "--amount", amount, "--json");
        Assert.True(deposit.ExitCode == 0, deposit.ToString());
    }
}
