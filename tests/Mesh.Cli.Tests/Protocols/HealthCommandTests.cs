using Mesh.Cli.Tests.Infrastructure;

namespace Mesh.Cli.Tests.Protocols;

/// <summary><c>mesh protocol exposures</c> and <c>health</c> on a deposited vault.</summary>
[Collection(CliSiloCollection.Name)]
public sealed class HealthCommandTests(CliSilo silo)
{
    [Fact]
    public async Task Health_DepositedVaultWithABook_ShowsCollateralHealthFactorAndTheBook()
    {
        var member = await Members.ApprovedAsync(silo, "local-a");
        await Members.DepositedAsync(silo, member, "local-a", Members.Weth, Members.TenWeth);
        var book = Path.GetTempFileName();
        await File.WriteAllTextAsync(book, """[{"id":"perp-1","kind":"perp","underlying":"WETH","size":2,"side":"long","entryPrice":1950}]""");

        var report = await silo.RunAsync(member.Key, "protocol", "exposures", member.Protocol, "--chain", "local-a", "--file", book);
        var exposures = await silo.RunAsync(member.Key, "protocol", "exposures", member.Protocol, "--chain", "local-a");
        var sut = await silo.RunAsync(member.Key, "protocol", "health", member.Protocol, "--chain", "local-a");
        var json = await silo.RunAsync(member.Key, "protocol", "health", member.Protocol, "--chain", "local-a", "--json");
        File.Delete(book);

        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Contains("health factor", report.Out);
        Assert.True(exposures.ExitCode == 0, exposures.ToString());
        Assert.Contains("perp-1", exposures.Out);
        Assert.True(sut.ExitCode == 0, sut.ToString());
        Assert.Contains(Members.TenWeth, sut.Out);
        Assert.Contains("health factor", sut.Out);
        var health = json.ParseJson();
        Assert.Equal(Members.TenWeth, health.GetProperty("collateral")[0].GetProperty("amount").GetString());
        Assert.True(health.GetProperty("healthFactor").GetDouble() > 1, json.Json);
    }
}
