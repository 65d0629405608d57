using Mesh.Cli.Tests.Infrastructure;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Mesh.Cli.Tests.Routers;

/// <summary>A router's transfer through the CLI: quote, transfer (followed until settled), status; and what fails.</summary>
[Collection(CliSiloCollection.Name)]
public sealed class TransferCommandTests(CliSilo silo)
{
    private const string OneUsdc = "1000000";
    private const string LocalBBridge = "0x000000000000000000000000000000000000b002";

    /// <summary>Set to a folder to write the transfer's display there (cli-transfer.txt, cli-transfer.html): docs/cli-capture.sh.</summary>
    private const string CaptureVariable = "MESH_CLI_CAPTURE_DIR";

    [Fact]
    public async Task Transfer_QuotedUsdc_ShowsEveryPhaseUntilSettledAndStatusJsonSaysSettled()
    {
        var member = await Members.ApprovedAsync(silo, "local-a", "local-b");
        await Members.DepositedAsync(silo, member, "local-a", "USDC", OneUsdc);
        await silo.RunAsync(silo.OperatorKey, "operator", "faucet", "--chain", "local-b", "--token", "USDC", "--account", LocalBBridge, "--amount", "100000000");
        var router = await Members.RouterKeyAsync(silo);
        var id = Members.Fresh("t");

        var quote = await silo.RunAsync(router, "router", "quote", id, "--protocol", member.Protocol, "--asset", "USDC", "--from", "local-a", "--to", "local-b", "--amount", OneUsdc);
        var console = new TestConsole().Width(120);
        var recorder = new Recorder(console);
        var transfer = await CliRunner.RunAsync(recorder, CliSilo.Variables(router), "router", "transfer", id, "--timeout", "60", "--url", silo.Url);
        var status = await silo.RunAsync(router, "router", "status", id, "--json");
        using var terminal = new TestConsole().Width(120).Interactive().EmitAnsiSequences();
        var live = await CliRunner.RunAsync(terminal, CliSilo.Variables(router), "router", "status", id, "--url", silo.Url);

        Assert.True(quote.ExitCode == 0, quote.ToString());
        Assert.Contains("local-a → local-b", quote.Out);
        Assert.Contains("999500", quote.Out);
        Assert.True(transfer.ExitCode == 0, transfer.ToString() + console.Output);
        var shown = console.Output;
        foreach (var phase in new[] { "reserved", "locking", "locked", "releasing", "released", "settled" })
        {
            Assert.Contains(phase, shown);
        }

        Assert.Contains("settled: locked 1000000, released 999500, fee 500", shown);
        Assert.Matches(@"lock final in block \d+ \(0x[0-9a-f]{8}…[0-9a-f]{6}\)", shown);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal("settled", status.ParseJson().GetProperty("phase").GetString());
        Assert.Equal("999500", status.ParseJson().GetProperty("released").GetString());
        Assert.Equal("", status.Out);
        Assert.True(live.ExitCode == 0, live.ToString());
        Assert.Contains("settled: locked 1000000, released 999500, fee 500", terminal.Output);
        Assert.DoesNotContain("▶", terminal.Output);
        await CaptureAsync(recorder);
    }

    [Fact]
    public async Task Transfer_EmptyDestinationBridge_Exit1WithTheProblemCode()
    {
        var member = await Members.ApprovedAsync(silo, "local-a", "local-c");
        var router = await Members.RouterKeyAsync(silo);
        var id = Members.Fresh("te");
        await silo.RunAsync(router, "router", "quote", id, "--protocol", member.Protocol, "--asset", "WETH", "--from", "local-a", "--to", "local-c", "--amount", "1000");

        var sut = await silo.RunAsync(router, "router", "transfer", id);
        var status = await silo.RunAsync(router, "router", "status", id, "--once", "--json");

        Assert.Equal(1, sut.ExitCode);
        Assert.Contains("inventory.insufficient", sut.Error);
        Assert.Equal("failed", status.ParseJson().GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Status_QuotedNeverExecuted_Exit4WhenTheTimeoutRunsOutNamingTheNextCommand()
    {
        var member = await Members.ApprovedAsync(silo, "local-a", "local-b");
        var router = await Members.RouterKeyAsync(silo);
        var id = Members.Fresh("tt");
        await silo.RunAsync(router, "router", "quote", id, "--protocol", member.Protocol, "--asset", "USDC", "--from", "local-a", "--to", "local-b", "--amount", "1000");

        var sut = await silo.RunAsync(router, "router", "status", id, "--timeout", "1", "--json");

        Assert.Equal(4, sut.ExitCode);
        Assert.Contains($"still quoted after 1 s (--timeout); it goes on: `mesh router status {id}`", sut.Error);
        Assert.Equal("quoted", sut.ParseJson().GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Quote_BadAmount_Exit2NamingTheOption()
    {
        var sut = await silo.RunAsync(silo.OperatorKey, "router", "quote", "t-1", "--protocol", "p", "--asset", "USDC", "--from", "local-a", "--to", "local-b", "--amount", "1e6");

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains("--amount: '1e6' is not a whole number of base units", sut.Error);
    }

    private static async Task CaptureAsync(Recorder recorder)
    {
        if (Environment.GetEnvironmentVariable(CaptureVariable) is { Length: > 0 } folder)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "cli-transfer.txt"), recorder.ExportText());
            await File.WriteAllTextAsync(Path.Combine(folder, "cli-transfer.html"), recorder.ExportHtml());
        }
    }
}
