namespace Mesh.Transfers;

/// <summary>One step of a transfer's trace.</summary>
/// <param name="Phase">The phase entered.</param>
/// <param name="At">When.</param>
/// <param name="Note">What happened, for a person (the transaction, the reason).</param>
[GenerateSerializer]
[Alias("mesh.transfer.step")]
public sealed record TransferStep(
    [property: Id(0)] TransferPhase Phase,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Note);
