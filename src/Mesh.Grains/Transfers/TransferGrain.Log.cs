using Mesh.Transfers;
using Microsoft.Extensions.Logging;

namespace Mesh.Grains.Transfers;

/// <summary>The transfer grain's log messages (event ids 2500–2599).</summary>
internal sealed partial class TransferGrain
{
    [LoggerMessage(EventId = 2500, Level = LogLevel.Information, Message = "Transfer {RequestId}: {From} → {To}: {Note}")]
    private static partial void LogPhase(ILogger logger, string requestId, TransferPhase from, TransferPhase to, string note);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Debug, Message = "Transfer {RequestId} ({Phase}): chain '{Chain}' did not answer ({Code}); the next poll asks again")]
    private static partial void LogChainRetry(ILogger logger, string requestId, TransferPhase phase, string chain, string code);
}
