using System.Diagnostics;

namespace Mesh.Grains.Transfers;

/// <summary>The spans of transfer sagas: one per step, on the <c>Mesh.Grains</c> activity source.</summary>
internal static class TransferDiagnostics
{
    public const string SourceName = Diagnostics.GrainsDiagnostics.Name;
    public const string TransferIdTag = Diagnostics.GrainsDiagnostics.TransferIdTag;
    public const string PhaseTag = Diagnostics.GrainsDiagnostics.TransferPhaseTag;
    public const string ReasonTag = "mesh.transfer.reason";

    /// <summary>Starts the span of one step (<c>transfer lock</c>, <c>transfer release</c>...), tagged with the transfer and the phase it leaves.</summary>
    public static Activity? Step(string step, string requestId, Mesh.Transfers.TransferPhase phase)
    {
        var activity = Diagnostics.GrainsDiagnostics.ActivitySource.StartActivity($"transfer {step}", ActivityKind.Internal);
        activity?.SetTag(TransferIdTag, requestId);
        activity?.SetTag(PhaseTag, phase.ToString().ToLowerInvariant());
        return activity;
    }
}
