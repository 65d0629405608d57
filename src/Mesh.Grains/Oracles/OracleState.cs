namespace Mesh.Grains.Oracles;

/// <summary>
/// The persisted state of one asset's oracle: plain data (public get/set, no type names) for the grain's JSON
/// storage. <see cref="OracleAggregator"/> reads and changes it.
/// </summary>
internal sealed class OracleState
{
    /// <summary>Gets or sets the decimals the stored mantissas use (0 until the first observation).</summary>
    public int Decimals { get; set; }

    /// <summary>Gets or sets the latest accepted observation per source name.</summary>
    public Dictionary<string, OracleSourceState> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the id of the latest round; it only increases.</summary>
    public long RoundId { get; set; }

    /// <summary>Gets or sets the mantissa of the latest valid aggregate (0 before the first).</summary>
    public long Price { get; set; }

    /// <summary>Gets or sets when the latest round was computed, or null before the first.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Gets or sets the names of the sources the latest round used, ordered.</summary>
    public List<string> RoundSources { get; set; } = [];

    /// <summary>Gets or sets a value indicating whether an observation arrived since the latest round.</summary>
    public bool ObservedSinceRound { get; set; }

    /// <summary>Gets or sets the latest time an aggregate was asked for; time never runs backwards from it.</summary>
    public DateTimeOffset? LastAggregatedAt { get; set; }

    /// <summary>Gets or sets the circuit breaker's state.</summary>
    public OracleBreakerState Breaker { get; set; } = new();

    /// <summary>Gets or sets the volatility history and estimates.</summary>
    public OracleVolatilityState Volatility { get; set; } = new();
}
