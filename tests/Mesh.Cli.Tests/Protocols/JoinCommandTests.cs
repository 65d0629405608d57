using Mesh.Cli.Tests.Infrastructure;

namespace Mesh.Cli.Tests.Protocols;

/// <summary><c>mesh protocol join</c> and the operator's approval against a real silo.</summary>
[Collection(CliSiloCollection.Name)]
public sealed class JoinCommandTests(CliSilo silo)
{
    [Fact]
    public async Task Join_StandardTier_PendingThenApprovedWithAKeyThatReadsTheProtocol()
    {
        var protocol = Members.Fresh("join");

        var join = await silo.RunAsync(null, "protocol", "join", protocol, "--name", "Delta Options", "--chain", "local-a", "--contact", "risk@delta.example", "--account", Members.Account());
        var approve = await silo.RunAsync(silo.OperatorKey, "operator", "approve", protocol, "--json");
        var key = approve.ParseJson().GetProperty("apiKey").GetString();
        var show = await silo.RunAsync(key, "protocol", "show", protocol, "--json");

        Assert.True(join.ExitCode == 0, join.ToString());
        Assert.Contains($"protocol {protocol}: pending", join.Out);
        Assert.Contains("mesh operator approve", join.Out);
        Assert.Equal(0, approve.ExitCode);
        Assert.Equal("active", approve.ParseJson().GetProperty("protocol").GetProperty("status").GetString());
        Assert.StartsWith("mesh_", key, StringComparison.Ordinal);
        Assert.Equal(0, show.ExitCode);
        Assert.Equal(protocol, show.ParseJson().GetProperty("protocolId").GetString());
    }

    [Theory]
    [InlineData("--account", "0x12", "--account: '0x12' is not an EVM account")]
    [InlineData("--tier", "reckless", "--tier: 'reckless' is not one of conservative, standard, aggressive")]
    [InlineData("--chain", "local!a", "--chain: 'local!a' must be 1 to 64 letters")]
    public async Task Join_BadInput_Exit2NamingTheOptionAndNothingSent(string option, string value, string expected)
    {
        var protocol = Members.Fresh("bad");
        var args = new Dictionary<string, string> { ["--name"] = "Bad", ["--chain"] = "local-a", ["--contact"] = "ops@example.org", ["--account"] = Members.Account(), [option] = value };

        var sut = await silo.RunAsync(null, ["protocol", "join", protocol, .. args.SelectMany(a => new[] { a.Key, a.Value })]);
        var show = await silo.RunAsync(silo.OperatorKey, "protocol", "show", protocol);

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains(expected, sut.Error);
        Assert.Equal(1, show.ExitCode);
        Assert.Contains("protocol.not_found", show.Error);
    }
}
