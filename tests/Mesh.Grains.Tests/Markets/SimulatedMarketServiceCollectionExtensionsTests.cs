using Mesh.Grains.Markets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Mesh.Grains.Tests.Markets.MarketFixture;

namespace Mesh.Grains.Tests.Markets;

/// <summary>The venue registered for the silo: one instance behind both interfaces, on the registered clock.</summary>
public sealed class SimulatedMarketServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddSimulatedMarketVenue_BothInterfaces_OneVenueOnTheRegisteredClock()
    {
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddSimulatedMarketVenue(o => o.Assets.Add(Weth, Options().Assets[Weth]));
        using var provider = services.BuildServiceProvider();

        var venue = provider.GetRequiredService<IMarketVenue>();
        var control = provider.GetRequiredService<ISimulatedMarketVenue>();
        await venue.SellAsync(Order("o-1", Weths(1_000)));
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Same(control, venue);
        Assert.Equal(["WETH"], control.Assets);
        Assert.Equal(9_500.0, (double)control.State(Weth).AvailableDepth / (double)OneWeth, 9);
    }
}
