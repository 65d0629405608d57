using Mesh.Errors;

namespace Mesh.Grains.Pools;

/// <summary>What a pool answered to one operation id: the receipt's numbers, or the refusal (so that a retry gets the same answer).</summary>
internal sealed class PoolOperation
{
    /// <summary>Gets or sets the operation's kind (allocate, repay, supply, redeem).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Gets or sets the vault or holder it was for.</summary>
    public string Party { get; set; } = "";

    /// <summary>Gets or sets the amount asked for.</summary>
    public UInt128 Amount { get; set; }

    /// <summary>Gets or sets the first number of the answer (amount granted or paid, assets).</summary>
    public UInt128 First { get; set; }

    /// <summary>Gets or sets the second number (debt after, shares).</summary>
    public UInt128 Second { get; set; }

    /// <summary>Gets or sets the third number (recall due).</summary>
    public UInt128 Third { get; set; }

    /// <summary>Gets or sets the refusal's kind, if refused.</summary>
    public MeshErrorKind? RefusalKind { get; set; }

    /// <summary>Gets or sets the refusal's code.</summary>
    public string? RefusalCode { get; set; }

    /// <summary>Gets or sets the refusal's message.</summary>
    public string? RefusalMessage { get; set; }

    /// <summary>Gets or sets when the caller acknowledged the answer (it will not ask again); null until it does.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>Gets or sets the refusal's field.</summary>
    public string? RefusalField { get; set; }
}
