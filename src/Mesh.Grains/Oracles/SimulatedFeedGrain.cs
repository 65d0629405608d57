using Mesh.Grains.Hosting;
using Mesh.Oracles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Grains.Oracles;

/// <summary>
/// Drives one asset's <see cref="SimulatedPriceFeed"/>: a grain timer observes every interval and pushes each source's
/// observation into the asset's oracle, exactly as a feeder's would arrive through the API. A reminder brings the feed
/// back after a deactivation or a silo failure; the path then continues from the oracle's last price.
/// </summary>
internal sealed partial class SimulatedFeedGrain(
    IOptions<MeshOracleOptions> meshOptions,
    IOptionsMonitor<OracleOptions> assetOptions,
    Mesh.Chains.Configuration.ChainsConfiguration chains,
    TimeProvider time,
    ILogger<SimulatedFeedGrain> logger) : Grain, ISimulatedFeedGrain, IRemindable
{
    internal const string KeepAliveReminder = "mesh.simulated-feed";

    private SimulatedPriceFeed? _feed;
    private IGrainTimer? _timer;

    private string Asset => this.GetPrimaryKeyString();

    private SimulatedFeedOptions Options => meshOptions.Value.SimulatedFeed;

    public async Task<bool> Start(CancellationToken cancellationToken = default)
    {
        KnownAssets.Require(chains, Asset);
        if (!Options.Enabled)
        {
            if (await this.GetReminder(KeepAliveReminder, cancellationToken) is { } stale)
            {
                await this.UnregisterReminder(stale, cancellationToken);
            }

            return false;
        }

        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
        await EnsureRunning(cancellationToken);
        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == KeepAliveReminder ? Start(CancellationToken.None) : Task.CompletedTask;

    private async Task EnsureRunning(CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            return;
        }

        var options = Options;
        var decimals = assetOptions.Get(Asset).Decimals;
        var snapshot = await GrainFactory.GetGrain<IOracleGrain>(Asset).Snapshot(cancellationToken);
        var start = snapshot.Price is { } last ? (double)last : options.StartPrices.GetValueOrDefault(Asset, 1.0);
        _feed = new SimulatedPriceFeed(
            new SimulatedPriceFeedOptions
            {
                Seed = options.Seed + (ulong)StableHash(Asset),
                InitialPrice = start,
                AnnualVolatility = options.Volatility.GetValueOrDefault(Asset, 0.5),
                Decimals = decimals,
                Sources = [.. options.Sources.Select(name => new SimulatedSourceOptions { Name = name })],
            },
            time.GetUtcNow());
        _timer = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.Zero, options.Interval) { KeepAlive = true });
        LogStarted(logger, Asset, start, options.Interval);
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        var oracle = GrainFactory.GetGrain<IOracleGrain>(Asset);
        foreach (var observation in _feed!.Observe(time))
        {
            try
            {
                await oracle.Observe(new PriceObservation(observation.Source, observation.Price.ToDecimal(), observation.ObservedAt), cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One lost observation is what a real source's outage looks like: the next tick sends a fresh one.
                LogObserveFailed(logger, e, Asset, observation.Source);
            }
        }
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Simulated price feed of {Asset} started at {Price} every {Interval}")]
    private static partial void LogStarted(ILogger logger, string asset, double price, TimeSpan interval);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Simulated source {Source} of {Asset} could not deliver an observation")]
    private static partial void LogObserveFailed(ILogger logger, Exception exception, string asset, string source);
}
