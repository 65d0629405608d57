namespace Mesh.Testing.Scenarios;

/// <summary>The first attempt of a batch request: the answer, or how it failed.</summary>
/// <param name="Movement">The request.</param>
/// <param name="Silo">The silo it went to.</param>
/// <param name="Reply">The answer, when one came.</param>
/// <param name="Failure">The connection failure or timeout, when none came.</param>
/// <param name="AfterKill">Whether it was sent after the kill.</param>
public sealed record BatchAttempt(ScenarioMovement Movement, Uri Silo, MeshReply? Reply, string? Failure, bool AfterKill)
{
    /// <summary>Gets whether the first attempt was acknowledged (2xx).</summary>
    public bool Acknowledged => Reply is { IsSuccess: true };
}
