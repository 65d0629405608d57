using System.Diagnostics;

namespace Mesh.Grains.Transfers;

/// <summary>The spans of transfer sagas: one per step, on the <c>Mesh.Grains</c> activity source.</summary>
internal static class TransferDiagnostics
{
    public const string SourceName = "Mesh.Grains";
    public const string TransferIdTag = "mesh.transfer.id";
    public const string PhaseTag = "mesh.transfer.phase";
    public const string ReasonTag = "mesh.transfer.reason";

    public static ActivitySource ActivitySource { get; } = new(SourceName);

    /// <summary>Starts the span of one step (<c>transfer lock</c>, <c>transfer release</c>...), tagged with the transfer and the phase it leaves.</summary>
    public static Activity? Step(string step, string requestId, Mesh.Transfers.TransferPhase phase)
    {
        var activity = ActivitySource.StartActivity($"transfer {step}", ActivityKind.Internal);
        activity?.SetTag(TransferIdTag, requestId);
        activity?.SetTag(PhaseTag, phase.ToString().ToLowerInvariant());
        return activity;
    }
}
