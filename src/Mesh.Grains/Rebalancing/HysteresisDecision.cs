namespace Mesh.Grains.Rebalancing;

/// <summary>The answer of <see cref="Hysteresis.Decide"/>.</summary>
internal enum HysteresisDecision
{
    /// <summary>Act now.</summary>
    Act,

    /// <summary>The health factor is inside the band (or the vault owes nothing): nothing to do.</summary>
    InsideBand,

    /// <summary>The move is below the minimum change.</summary>
    TooSmall,

    /// <summary>The vault acted less than the minimum wait ago and is not urgent.</summary>
    TooSoon,
}
