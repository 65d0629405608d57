using Mesh.Oracles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Grains.Oracles;

/// <summary>Starts every asset's simulated feed once the silo is active, when the feed is enabled (each silo asks; starting is idempotent).</summary>
internal sealed partial class SimulatedFeedStarter(
    IGrainFactory grains,
    IOptions<MeshOracleOptions> options,
    Mesh.Chains.Configuration.ChainsConfiguration chains,
    ILogger<SimulatedFeedStarter> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SimulatedFeedStarter), ServiceLifecycleStage.Active, StartAsync, _ => Task.CompletedTask);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SimulatedFeed.Enabled)
        {
            return;
        }

        foreach (var asset in chains.Assets)
        {
            try
            {
                await grains.GetGrain<ISimulatedFeedGrain>(asset).Start(cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Another silo's start, or the reminder, brings it up; the silo itself must not fail for a demo feed.
                LogStartFailed(logger, e, asset);
            }
        }
    }

    [LoggerMessage(EventId = 2112, Level = LogLevel.Warning, Message = "Could not start the simulated price feed of {Asset}")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string asset);
}
