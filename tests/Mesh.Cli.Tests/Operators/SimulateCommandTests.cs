using Mesh.Cli.Tests.Infrastructure;

namespace Mesh.Cli.Tests.Operators;

/// <summary><c>mesh operator simulate</c> runs the silo's simulate command (Mesh.Silo.dll beside mesh) and passes its exit code on.</summary>
public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_BadSimulationArgument_PassesTheSimulationsExit2AndMessageOn()
    {
        var sut = await CliRunner.RunAsync("operator", "simulate", "--", "--vaults", "many");

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains("--vaults", sut.Error + sut.Out);
    }

    [Fact]
    public async Task Simulate_MissingSiloPath_Exit2NamingTheOption()
    {
        var sut = await CliRunner.RunAsync("operator", "simulate", "--silo", "/nonexistent/Mesh.Silo.dll");

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains("--silo: '/nonexistent/Mesh.Silo.dll' does not exist", sut.Error);
    }
}
