using Mesh.Chains;
using Mesh.Chains.Clients;
using Microsoft.Extensions.Logging;

namespace Mesh.Grains.Chains;

/// <summary>The chain grain's log messages (event ids 2200–2299).</summary>
internal sealed partial class ChainGrain
{
    private void Report(ChainPollOutcome outcome)
    {
        var chain = Monitor.Chain.Name;
        if (outcome.Failure is { } failure)
        {
            if (failure.Kind == ChainErrorKind.InvalidResponse)
            {
                LogInvalidResponse(logger, chain, failure.Message);
            }
            else
            {
                LogPollFailed(logger, chain, failure.Code, failure.Message);
            }
        }

        if (outcome.Reorg is { } reorg)
        {
            if (reorg.FinalityBroken)
            {
                LogFinalityBroken(logger, chain, reorg.Depth, reorg.Ancestor, reorg.OldHead, reorg.NewHead);
            }
            else
            {
                LogReorg(logger, chain, reorg.Depth, reorg.Ancestor, reorg.OldHead, reorg.NewHead);
            }
        }

        if (outcome.Initial)
        {
            LogWatching(logger, chain, outcome.Health, outcome.Reason);
            return;
        }

        if (!outcome.HealthChanged)
        {
            return;
        }

        if (outcome.Health > outcome.Previous)
        {
            LogHealthWorse(logger, chain, outcome.Previous, outcome.Health, outcome.Reason);
        }
        else
        {
            LogHealthBetter(logger, chain, outcome.Previous, outcome.Health, outcome.Reason);
        }
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "Chain {Chain}: {From} -> {To}. {Reason}")]
    private static partial void LogHealthWorse(ILogger logger, string chain, ChainHealth from, ChainHealth to, string reason);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Chain {Chain}: {From} -> {To}. {Reason}")]
    private static partial void LogHealthBetter(ILogger logger, string chain, ChainHealth from, ChainHealth to, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Chain {Chain} reorganised {Depth} blocks above block {Ancestor}: head {OldHead} -> {NewHead}")]
    private static partial void LogReorg(ILogger logger, string chain, int depth, ulong ancestor, ulong oldHead, ulong newHead);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Error, Message = "Chain {Chain} reorganised {Depth} blocks above block {Ancestor}, replacing blocks it had reported final: head {OldHead} -> {NewHead}")]
    private static partial void LogFinalityBroken(ILogger logger, string chain, int depth, ulong ancestor, ulong oldHead, ulong newHead);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Chain {Chain} answered invalid data, rejected: {Message}")]
    private static partial void LogInvalidResponse(ILogger logger, string chain, string message);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Information, Message = "Chain {Chain} watched, first poll: {Health}. {Reason}")]
    private static partial void LogWatching(ILogger logger, string chain, ChainHealth health, string reason);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Debug, Message = "Chain {Chain}: poll failed ({Code}): {Message}")]
    private static partial void LogPollFailed(ILogger logger, string chain, string code, string message);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Warning, Message = "Chain {Chain}: indexed blocks above {Ancestor} (up to {OldTop}) were reorganised away; {Unapplied} tentative events un-applied, the blocks are read again")]
    private static partial void LogIndexReorg(ILogger logger, string chain, ulong ancestor, ulong oldTop, int unapplied);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Error, Message = "Chain {Chain}: a reorganisation above {Ancestor} (up to {OldTop}) replaced blocks the index had applied as final; {Unapplied} tentative events un-applied, the final ones stay (see the reconciliation)")]
    private static partial void LogIndexFinalityBroken(ILogger logger, string chain, ulong ancestor, ulong oldTop, int unapplied);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Warning, Message = "Chain {Chain}: the index rejected the chain's answer at block {NextBlock}, nothing applied: {Message}")]
    private static partial void LogIndexRejected(ILogger logger, string chain, ulong nextBlock, string message);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Debug, Message = "Chain {Chain}: index step at block {NextBlock} failed ({Code}): {Message}")]
    private static partial void LogIndexFailed(ILogger logger, string chain, ulong nextBlock, string code, string message);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Warning, Message = "Chain {Chain}: reconciliation at block {Block} differs for {Asset} of {Protocol} by {Difference} base units")]
    private static partial void LogReconciliationDiffers(ILogger logger, string chain, ulong block, string asset, string protocol, string difference);
}
