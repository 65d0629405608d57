using Mesh.Cli.Tests.Infrastructure;

namespace Mesh.Cli.Tests.Operators;

/// <summary><c>mesh operator limits</c>: replace a pool's limits from a file, read them back.</summary>
[Collection(CliSiloCollection.Name)]
public sealed class LimitsCommandTests(CliSilo silo)
{
    [Fact]
    public async Task Limits_FromFile_ReplacedAndReadBack()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"utilizationCap":0.8,"defaultRiskFactorCap":{"absolute":"1000000000000","relative":0.5},"defaultProtocolCap":"5000000"}""");

        var set = await silo.RunAsync(silo.OperatorKey, "operator", "limits", "USDC", "--file", file);
        var sut = await silo.RunAsync(silo.OperatorKey, "operator", "limits", "USDC", "--json");
        File.Delete(file);

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.True(sut.ExitCode == 0, sut.ToString());
        Assert.Contains("5000000", sut.Json);
        Assert.Contains("0.8", sut.Json);
    }

    [Fact]
    public async Task Limits_FileIsNotJson_Exit2NamingTheFile()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "utilizationCap: 0.8");

        var sut = await silo.RunAsync(silo.OperatorKey, "operator", "limits", "USDC", "--file", file);
        File.Delete(file);

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains($"--file: '{file}' is not JSON", sut.Error);
    }
}
