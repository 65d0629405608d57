using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Feeds;
using Mesh.Errors;
using Mesh.Oracles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Grains.Oracles;

/// <summary>
/// Reads one on-chain price feed every <see cref="ChainFeedOptions.PollInterval"/> and pushes each new round into the
/// asset's oracle as source <c>chain:&lt;chain&gt;</c>, observed at now less the round's age on the chain's own clock
/// (a chain's clock may run ahead of or behind the mesh's), so that the oracle's heartbeat, outlier and
/// circuit-breaker rules judge it like any other source. A failed read or a
/// refused round changes nothing in the oracle; the status says why, and the log says it once per distinct failure.
/// A reminder brings the reading back after a deactivation or a silo failure.
/// </summary>
internal sealed partial class ChainFeedGrain(
    IOptions<MeshOracleOptions> meshOptions,
    IOptionsMonitor<OracleOptions> assetOptions,
    ChainsConfiguration chains,
    TimeProvider time,
    ILogger<ChainFeedGrain> logger) : Grain, IChainFeedGrain, IRemindable
{
    internal const string KeepAliveReminder = "mesh.chain-feed";

    private IGrainTimer? _timer;
    private ulong? _round;
    private decimal? _price;
    private DateTimeOffset? _updatedAt;
    private DateTimeOffset? _readAt;
    private string? _error;

    private ChainFeedOptions Options => meshOptions.Value.ChainFeeds;

    private (string Chain, PriceFeedDefinition Feed) Key
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var chain = slash > 0 ? chains.FindChain(key[..slash]) : null;
            var feed = chain?.PriceFeeds.FirstOrDefault(f => string.Equals(f.Asset, key[(slash + 1)..], StringComparison.Ordinal));
            return feed is not null
                ? (chain!.Name, feed)
                : throw new MeshException(MeshErrorKind.NotFound, "oracle.unknown_feed", $"'{key}' is not chain/asset of a price feed in chains.json.");
        }
    }

    public async Task<bool> Start(CancellationToken cancellationToken = default)
    {
        _ = Key;
        if (Options.Enabled != true || ServiceProvider.GetService<IPriceFeedReader>() is null)
        {
            if (await this.GetReminder(KeepAliveReminder, cancellationToken) is { } stale)
            {
                await this.UnregisterReminder(stale, cancellationToken);
            }

            return false;
        }

        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.Zero, Options.PollInterval) { KeepAlive = true });
            var (chain, feed) = Key;
            LogStarted(logger, feed.Asset, chain, feed.Address, Options.PollInterval);
        }

        return true;
    }

    public Task<ChainFeedStatus> Status(CancellationToken cancellationToken = default)
    {
        var (chain, feed) = Key;
        return Task.FromResult(new ChainFeedStatus(chain, feed.Asset, ChainFeedOptions.SourceName(chain), _timer is not null, _round, _price, _updatedAt, _readAt, _error));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == KeepAliveReminder ? Start(CancellationToken.None) : Task.CompletedTask;

    private async Task Tick(CancellationToken cancellationToken)
    {
        var (chain, feed) = Key;
        PriceFeedRound round;
        try
        {
            round = await ServiceProvider.GetRequiredService<IPriceFeedReader>().ReadLatestAsync(chain, feed.Asset, cancellationToken);
        }
        catch (ChainClientException e)
        {
            Fail(chain, feed, $"{e.Code}: {e.Message}");
            return;
        }

        _readAt = time.GetUtcNow();
        if (round.RoundId == _round)
        {
            _error = null;
            return;
        }

        var decimals = assetOptions.Get(feed.Asset).Decimals;
        var price = decimal.Round(round.Price, decimals, MidpointRounding.ToEven);
        try
        {
            await GrainFactory.GetGrain<IOracleGrain>(feed.Asset).Observe(new PriceObservation(ChainFeedOptions.SourceName(chain), price, _readAt.Value - round.Age), cancellationToken);
        }
        catch (MeshException e)
        {
            // The oracle refused the round (too old, from the future, not a price): it is not pushed again.
            _round = round.RoundId;
            Fail(chain, feed, $"{e.Code}: {e.Message}");
            return;
        }

        (_round, _price, _updatedAt, _error) = (round.RoundId, price, round.UpdatedAt, null);
    }

    private void Fail(string chain, PriceFeedDefinition feed, string error)
    {
        if (error != _error)
        {
            LogFailed(logger, feed.Asset, chain, error);
        }

        _error = error;
    }

    [LoggerMessage(EventId = 2113, Level = LogLevel.Information, Message = "On-chain price feed of {Asset} on {Chain} ({Address}) read every {Interval}")]
    private static partial void LogStarted(ILogger logger, string asset, string chain, string address, TimeSpan interval);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Warning, Message = "On-chain price feed of {Asset} on {Chain}: {Error}")]
    private static partial void LogFailed(ILogger logger, string asset, string chain, string error);
}
