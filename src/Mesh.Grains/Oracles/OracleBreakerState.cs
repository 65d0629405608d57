namespace Mesh.Grains.Oracles;

/// <summary>The circuit breaker: open or closed, and the recent price range it compares against.</summary>
internal sealed class OracleBreakerState
{
    /// <summary>Gets or sets a value indicating whether the breaker is open.</summary>
    public bool IsOpen { get; set; }

    /// <summary>Gets or sets when it opened (the first trip of the current opening).</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>Gets or sets the latest trip; the breaker closes a cooldown after it.</summary>
    public DateTimeOffset? LastTrippedAt { get; set; }

    /// <summary>Gets or sets why it tripped last.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets how many times it has opened.</summary>
    public long Openings { get; set; }

    /// <summary>Gets or sets the low and high aggregate per time bucket inside the window, oldest first (bounded).</summary>
    public List<OraclePriceBucket> Window { get; set; } = [];
}
