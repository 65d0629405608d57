namespace Mesh.Api;

/// <summary>What <see cref="IIdempotencyGrain.Begin"/> decided.</summary>
public enum IdempotencyOutcome
{
    /// <summary>This attempt runs; it holds the lease.</summary>
    Started = 0,

    /// <summary>A request with the same fingerprint completed; replay its response.</summary>
    Completed = 1,

    /// <summary>Another attempt holds an unexpired lease.</summary>
    InProgress = 2,

    /// <summary>The key was first used for a different request.</summary>
    Mismatch = 3,
}
