using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainProviderTests
{
    [Fact]
    public void GetClient_UnknownChain_ThrowsUnknownChainNamingTheKnownOnes()
    {
        var sut = SimulatedChains.CreateProvider(TestChain.Configuration("sim-a", "sim-b"), new FakeTimeProvider());

        var error = Assert.Throws<ChainClientException>(() => sut.GetClient("sim-z"));

        Assert.Equal(ChainErrorCodes.UnknownChain, error.Code);
        Assert.Equal(ChainErrorKind.Rejected, error.Kind);
        Assert.Contains("'sim-z'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sim-a, sim-b", error.Message, StringComparison.Ordinal);
        Assert.False(sut.TryGetClient("sim-z", out _));
    }

    [Fact]
    public void GetClient_KnownChains_OneClientPerChainAlwaysTheSame()
    {
        var sut = SimulatedChains.CreateProvider(TestChain.Configuration("sim-a", "sim-b"), new FakeTimeProvider());

        Assert.Equal(["sim-a", "sim-b"], sut.ChainNames);
        Assert.Same(sut.GetClient("sim-a"), sut.GetClient("sim-a"));
        Assert.Same(sut.GetClient("sim-b"), sut.GetSimulated("sim-b"));
        Assert.Equal("sim-b", sut.GetClient("sim-b").ChainName);
        Assert.True(sut.TryGetClient("sim-a", out var client));
        Assert.Same(sut.GetClient("sim-a"), client);
    }

    [Fact]
    public async Task AddSimulatedChains_Resolved_ProviderAndKeyedClientsShareChainsAndClock()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection()
            .AddSimulatedChains(TestChain.Configuration("sim-a", "sim-b"), time, o => o.Seed = 9);
        await using var provider = services.BuildServiceProvider();

        var sut = provider.GetRequiredService<IChainClientProvider>();
        var keyed = provider.GetRequiredKeyedService<IChainClient>("sim-b");
        time.AdvanceBlocks(2);

        Assert.Same(provider.GetRequiredService<ISimulatedChainProvider>(), sut);
        Assert.Same(sut.GetClient("sim-b"), keyed);
        Assert.Same(keyed, provider.GetRequiredKeyedService<ISimulatedChain>("sim-b"));
        Assert.Equal(2UL, (await keyed.GetHeadAsync()).Number);
    }

    [Fact]
    public async Task AddSimulatedChains_NoClockGiven_UsesRegisteredTimeProvider()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSimulatedChains(TestChain.Configuration("sim-a"));
        await using var provider = services.BuildServiceProvider();
        var sut = provider.GetRequiredService<IChainClientProvider>().GetClient("sim-a");

        time.AdvanceBlocks(5);

        Assert.Equal(5UL, (await sut.GetHeadAsync()).Number);
    }

    [Fact]
    public void AddSimulatedChains_InvalidOptions_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new ServiceCollection().AddSimulatedChains(TestChain.Configuration("sim-a"), configure: o => o.MaxOperationsPerBlock = 0));

        Assert.Contains("SimulatedChainOptions.MaxOperationsPerBlock", error.Message, StringComparison.Ordinal);
    }
}
