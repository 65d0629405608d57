using Mesh.Api.Tests.Infrastructure;
using Mesh.Testing;

namespace Mesh.Api.Tests.Hosting;

/// <summary>Mesh:Api and the domain settings are checked at start like every Mesh setting: exit code 2 and one line naming the key.</summary>
public sealed class ApiSettingsTests : IDisposable
{
    private readonly string _folder = ApiSilo.NewFolder();

    [Theory]
    [InlineData("--Mesh:Api:MaxRequestBodyBytes=10", "Mesh:Api:MaxRequestBodyBytes: must be between 1024 and 67108864, got 10.")]
    [InlineData("--Mesh:Api:RateLimit:TokenLimt=5", "Mesh:Api:RateLimit:TokenLimt: unknown setting (did you mean Mesh:Api:RateLimit:TokenLimit?)")]
    [InlineData("--Mesh:Api:IdempotencyLease=soon", "Mesh:Api:IdempotencyLease: the value 'soon' cannot be read (expected a duration such as 00:00:30)")]
    [InlineData("--Mesh:Api:MaxRequestBodyBytes=big", "Mesh:Api:MaxRequestBodyBytes: the value 'big' cannot be read (expected a whole number)")]
    [InlineData("--Mesh:Risk:BandMin=0.9", "Mesh:Risk:BandMin must exceed 1")]
    [InlineData("--Mesh:Risk:BandMx=2", "Mesh:Risk:BandMx: unknown setting (did you mean Mesh:Risk:BandMax?)")]
    [InlineData("--Mesh:Protocols:AutoApproveUpTo=Everything", "Mesh:Protocols:AutoApproveUpTo: the value 'Everything' cannot be read")]
    [InlineData("--Mesh:InterestRates:OptimalUtilization=1.5", "OptimalUtilization must be in (0, 1)")]
    [InlineData("--Mesh:Risk:Haircut:TailDegreesOfFreedom=1.5", "Mesh:Risk:Haircut: HaircutOptions: TailDegreesOfFreedom must be in (2, 1000]")]
    [InlineData("--Mesh:Oracles:SimulatedFeed:Interval=00:00:00.010", "Mesh:Oracles:SimulatedFeed:Interval must be from 100 ms to 1 hour")]
    [InlineData("--Mesh:Oracles:SimulatedFeed:StartPrices:WETH=-1", "Mesh:Oracles:SimulatedFeed:StartPrices:WETH must be a positive price")]
    [InlineData("--Mesh:Pools:RetainAcknowledgedFor=00:00:00", "Mesh:Pools:RetainAcknowledgedFor must be above zero")]
    [InlineData("--Mesh:Rebalancing:Markets:WETH:Hole=0", "Mesh:Rebalancing:Markets:WETH:Hole must be above zero")]
    [InlineData("--Mesh:Rebalancing:Markets:WETH-PERP:ImpactHalfLife=00:00:00", "Mesh:Rebalancing:Markets:WETH-PERP:ImpactHalfLife must be above zero")]
    [InlineData("--Mesh:Pools:RetainAcknowledgedFor=00:00:05", "Mesh:Pools:RetainAcknowledgedFor: must be longer than Mesh:Orleans:ResponseTimeout")]
    public async Task Start_BadApiSetting_ExitsWithCode2NamingIt(string setting, string expected)
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(_folder, setting);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheApiSettings()
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(_folder, "--help");

        Assert.Equal(0, exitCode);
        foreach (var key in new[] { "Mesh:Api:MaxRequestBodyBytes", "Mesh:Api:OperatorKeyFile", "Mesh:Api:IdempotencyLease", "Mesh:Api:RateLimit:TokenLimit", "/openapi/v1.json" })
        {
            Assert.Contains(key, output, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
