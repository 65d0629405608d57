namespace Mesh.Risk.Options;

/// <summary>Why an implied volatility could not be found.</summary>
public enum ImpliedVolFailure
{
    /// <summary>No failure: the volatility is valid.</summary>
    None,

    /// <summary>The price is below the discounted intrinsic value (lower no-arbitrage bound).</summary>
    BelowIntrinsic,

    /// <summary>The price is at or above the upper no-arbitrage bound (S·e^(−qT) for a call, K·e^(−rT) for a put).</summary>
    AboveUpperBound,

    /// <summary>The solver did not reach its tolerance within its iteration budget.</summary>
    NotConverged,
}
