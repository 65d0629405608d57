namespace Mesh.Grains.Oracles;

/// <summary>Whether the oracle has a valid aggregate now.</summary>
internal enum OracleFeedStatus
{
    /// <summary>At least the quorum of fresh, non-outlier sources agree: the price is current.</summary>
    Fresh,

    /// <summary>
    /// Stale: fewer fresh, non-outlier sources than the quorum. The snapshot still carries the latest valid price and
    /// when it was computed, for display and for risk-reducing actions, never for new credit.
    /// </summary>
    NoQuorum,
}
