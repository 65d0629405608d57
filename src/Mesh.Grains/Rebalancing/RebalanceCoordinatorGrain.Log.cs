using Microsoft.Extensions.Logging;

namespace Mesh.Grains.Rebalancing;

/// <summary>The coordinator's log messages (event ids 2400–2499).</summary>
internal sealed partial class RebalanceCoordinatorGrain
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Warning, Message = "Rebalance coordinator {Asset}: a round of {Calls} calls failed; nothing of it was answered as done")]
    private static partial void LogRoundFailed(ILogger logger, string asset, int calls, Exception exception);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Error, Message = "Rebalance coordinator {Asset}: the state could not be read back after a failed round; deactivating")]
    private static partial void LogRestoreFailed(ILogger logger, string asset, Exception exception);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Rebalance coordinator {Asset}: the oracle did not answer; the round uses the venue's figures")]
    private static partial void LogOracleUnavailable(ILogger logger, string asset, Exception exception);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Rebalance coordinator {Asset}: the global budget did not answer; nothing is granted until it does")]
    private static partial void LogBudgetUnavailable(ILogger logger, string asset, Exception exception);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Warning, Message = "Rebalance coordinator {Asset}: the market holds {InFlight} micro-USD in flight but the budget gave it a claim of only {Claimed}")]
    private static partial void LogClaimShort(ILogger logger, string asset, UInt128 inFlight, UInt128 claimed);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Warning, Message = "Rebalance coordinator {Asset}: the sweep reminder could not be set (busy: {Busy}); the timer sweeps meanwhile")]
    private static partial void LogReminderFailed(ILogger logger, string asset, bool busy, Exception exception);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Warning, Message = "Rebalance coordinator {Asset}: the spot coordinator of {Underlying} did not answer; the perp market, which shares its room, grants nothing this round")]
    private static partial void LogSpotUnavailable(ILogger logger, string asset, string underlying, Exception exception);

    [LoggerMessage(EventId = 2407, Level = LogLevel.Debug, Message = "Rebalance coordinator {Asset}: a round of {Quantity} base units held: it would free {Freed} of the sellers' margin and mark {Spillover} off the rest of the mesh's holdings (both in base units of the asset, at its price)")]
    private static partial void LogSpilloverHeld(ILogger logger, string asset, UInt128 quantity, double freed, double spillover);

    [LoggerMessage(EventId = 2408, Level = LogLevel.Warning, Message = "Rebalance coordinator {Asset}: the revaluation partitions did not answer with the mesh's holdings; this oracle round is not weighed for spillover")]
    private static partial void LogHoldingsUnavailable(ILogger logger, string asset, Exception exception);

    [LoggerMessage(EventId = 2409, Level = LogLevel.Information, Message = "Rebalance coordinator {Asset}: a revaluation partition has heard from {Reported} of its {Members} vaults since it was activated; the round is not weighed for spillover")]
    private static partial void LogHoldingsPartial(ILogger logger, string asset, int reported, int members);
}
