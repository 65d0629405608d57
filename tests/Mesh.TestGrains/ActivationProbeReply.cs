namespace Mesh.TestGrains;

/// <summary>What an <see cref="IActivationProbeGrain"/> answered.</summary>
/// <param name="ActivationId">Drawn when the activation was created; never reused.</param>
/// <param name="Silo">The silo hosting the activation.</param>
/// <param name="Via">The silo the call came from (an <see cref="IActivationRelayGrain"/>'s), or null for a direct call.</param>
/// <param name="ActivatedAt">When the activation was created (its silo's clock).</param>
/// <param name="AnsweredAt">When it answered (its silo's clock).</param>
[GenerateSerializer]
[Alias("test.activation-probe.reply")]
public sealed record ActivationProbeReply(
    [property: Id(0)] Guid ActivationId,
    [property: Id(1)] string Silo,
    [property: Id(2)] string? Via,
    [property: Id(3)] DateTimeOffset ActivatedAt,
    [property: Id(4)] DateTimeOffset AnsweredAt);
