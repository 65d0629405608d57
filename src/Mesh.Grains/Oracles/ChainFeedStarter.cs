using Mesh.Oracles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Grains.Oracles;

/// <summary>Starts every on-chain price feed of chains.json once the silo is active, when chain feeds are enabled (each silo asks; starting is idempotent).</summary>
internal sealed partial class ChainFeedStarter(
    IGrainFactory grains,
    IOptions<MeshOracleOptions> options,
    Mesh.Chains.Configuration.ChainsConfiguration chains,
    ILogger<ChainFeedStarter> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ChainFeedStarter), ServiceLifecycleStage.Active, StartAsync, _ => Task.CompletedTask);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ChainFeeds.Enabled != true)
        {
            return;
        }

        foreach (var chain in chains.Chains)
        {
            foreach (var feed in chain.PriceFeeds)
            {
                try
                {
                    await grains.GetGrain<IChainFeedGrain>($"{chain.Name}/{feed.Asset}").Start(cancellationToken);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Another silo's start, or the reminder, brings it up; one feed must not fail the silo.
                    LogStartFailed(logger, e, feed.Asset, chain.Name);
                }
            }
        }
    }

    [LoggerMessage(EventId = 2115, Level = LogLevel.Warning, Message = "Could not start the on-chain price feed of {Asset} on {Chain}")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string asset, string chain);
}
