using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mesh.Cli.Tests.Infrastructure;
using Mesh.Testing;
using Spectre.Console.Testing;

namespace Mesh.Cli.Tests.Hosting;

/// <summary>The documented exit codes and error lines, and that the API key is never printed.</summary>
[Collection(CliSiloCollection.Name)]
public sealed class MeshCliTests(CliSilo silo)
{
    [Fact]
    public async Task Run_SiloDown_Exit3NamingTheAddress()
    {
        var url = $"http://127.0.0.1:{TestPorts.Next()}";

        var sut = await CliRunner.RunAsync("operator", "cluster", "status", "--url", url);

        Assert.Equal(3, sut.ExitCode);
        Assert.Contains($"The mesh API at {url}/ is unreachable: connection refused", sut.Error);
    }

    [Fact]
    public async Task Run_InvalidKeyFromEnvironment_Exit1WithTheProblemCodeAndTheKeyNeverPrinted()
    {
        const string key = "mesh_0123456789abcdef_notthesecretatall";

        var sut = await silo.RunAsync(key, "operator", "approve", "nobody");

        Assert.Equal(1, sut.ExitCode);
        Assert.Contains("auth.invalid_key", sut.Error);
        Assert.DoesNotContain("notthesecret", sut.Error + sut.Out + sut.Json);
    }

    [Fact]
    public async Task Run_ApiRefusesTheRequest_Exit1WithCodeAndDetail()
    {
        var sut = await silo.RunAsync(silo.OperatorKey, "operator", "approve", Members.Fresh("never-joined"));

        Assert.Equal(1, sut.ExitCode);
        Assert.Contains("the API refused: protocol.not_found", sut.Error);
        Assert.Contains("[HTTP 404]", sut.Error);
    }

    [Theory]
    [InlineData(new[] { "protocol", "bogus" }, "Unknown command 'bogus'")]
    [InlineData(new[] { "protocol", "health", "p1", "--chian", "local-a" }, "Unknown option 'chian'")]
    [InlineData(new[] { "protocol", "health", "p1", "--chain", "local-a", "--url", "ftp://x" }, "--url: 'ftp://x' is not an absolute http:// or https:// address")]
    [InlineData(new[] { "completion", "fish" }, "SHELL: 'fish' is not a supported shell (bash, zsh)")]
    public async Task Run_BadUsage_Exit2WithTheReason(string[] args, string expected)
    {
        var sut = await CliRunner.RunAsync(args);

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains(expected, sut.Error);
    }

    [Fact]
    public async Task Run_InterruptedWhileFollowingATransfer_Exit130()
    {
        var member = await Members.ApprovedAsync(silo, "local-a", "local-b");
        var router = await Members.RouterKeyAsync(silo);
        var id = Members.Fresh("ti");
        await silo.RunAsync(router, "router", "quote", id, "--protocol", member.Protocol, "--asset", "USDC", "--from", "local-a", "--to", "local-b", "--amount", "1000");
        using var console = new TestConsole().Width(120);
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        // A quoted transfer that is never executed stays quoted: status follows it until the interrupt.
        var sut = await CliRunner.RunAsync(console, CliSilo.Variables(router), interrupt.Token, "router", "status", id, "--url", silo.Url);

        Assert.Equal(130, sut.ExitCode);
        Assert.Contains("quoted", console.Output);
        Assert.Contains("interrupted", sut.Error);
    }

    [Fact]
    public async Task Process_SigtermWhileFollowingATransfer_Exit130()
    {
        var member = await Members.ApprovedAsync(silo, "local-a", "local-b");
        var router = await Members.RouterKeyAsync(silo);
        var id = Members.Fresh("ts");
        await silo.RunAsync(router, "router", "quote", id, "--protocol", member.Protocol, "--asset", "USDC", "--from", "local-a", "--to", "local-b", "--amount", "1000");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["MESH_API_KEY"] = router } };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "mesh.dll"), "router", "status", id, "--url", silo.Url })
        {
            info.ArgumentList.Add(argument);
        }

        using var sut = Process.Start(info)!;
        var output = new StringBuilder();
        sut.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        sut.BeginOutputReadLine();
        await Eventually.TrueAsync(() => { lock (output) { return output.ToString().Contains("quoted", StringComparison.Ordinal); } }, "mesh follows the quoted transfer", TimeSpan.FromSeconds(30));
        using (var kill = Process.Start("kill", ["-TERM", sut.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await sut.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        var error = await sut.StandardError.ReadToEndAsync();

        Assert.Equal(130, sut.ExitCode);
        Assert.Contains("interrupted", error);
        Assert.DoesNotContain(router, error);
    }

    [Fact]
    public async Task Run_ClusterStatus_ListsTheActiveSiloAndJsonParses()
    {
        var table = await silo.RunAsync(silo.OperatorKey, "operator", "cluster", "status");
        var json = await silo.RunAsync(silo.OperatorKey, "operator", "cluster", "status", "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Active", table.Out);
        var silos = json.ParseJson().GetProperty("silos");
        Assert.Equal(1, silos.GetArrayLength());
        Assert.Equal("Active", silos[0].GetProperty("status").GetString());
    }
}
