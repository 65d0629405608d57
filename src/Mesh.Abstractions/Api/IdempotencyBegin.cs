namespace Mesh.Api;

/// <summary>The answer of <see cref="IIdempotencyGrain.Begin"/>.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="LeaseToken">For <see cref="IdempotencyOutcome.Started"/>: the token to complete or release with.</param>
/// <param name="LeaseExpiresAt">For Started and InProgress: when the lease ends.</param>
/// <param name="Response">For <see cref="IdempotencyOutcome.Completed"/>: the recorded response.</param>
/// <param name="Attempt">For Started: which attempt this is (1 for the first).</param>
[GenerateSerializer]
[Alias("mesh.api.idempotency_begin")]
public sealed record IdempotencyBegin(
    [property: Id(0)] IdempotencyOutcome Outcome,
    [property: Id(1)] Guid LeaseToken,
    [property: Id(2)] DateTimeOffset? LeaseExpiresAt,
    [property: Id(3)] IdempotentResponse? Response,
    [property: Id(4)] int Attempt = 0);
