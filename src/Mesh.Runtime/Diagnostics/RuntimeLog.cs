using Microsoft.Extensions.Logging;

namespace Mesh.Runtime.Diagnostics;

/// <summary>The runtime's log events (ids 1000–1999).</summary>
internal sealed partial class RuntimeLog(ILogger<RuntimeLog> logger)
{
    private readonly ILogger _logger = logger;

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "A work item of activation {GrainId} threw")]
    public partial void WorkItemFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Activation of {GrainId} failed; queued calls receive the error")]
    public partial void ActivationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} ({Reason}) threw")]
    public partial void DeactivationFailed(Exception exception, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "A timer tick of {GrainId} threw")]
    public partial void TimerTickFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Silo runtime started: storage {Provider}, {GrainTypes} grain types")]
    public partial void Started(string provider, int grainTypes);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Silo runtime stopping: deactivating {Count} activations")]
    public partial void Stopping(int count);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Shutdown deadline passed with {Count} activations still deactivating")]
    public partial void StopTimedOut(int count);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Schema {Component} migrated from version {From} to {To}")]
    public partial void SchemaMigrated(string component, int from, int to);
}
