namespace Mesh.Grains.Vaults;

/// <summary>A vault's sales under coordinator grants (plain data, part of <see cref="VaultState"/>).</summary>
public sealed class VaultSales
{
    /// <summary>Gets or sets the coordinator request of the sale in progress; null when none.</summary>
    public string? OpenRequest { get; set; }

    /// <summary>Gets or sets the operation id of a sale recorded and not yet filled (its order waits at the venue); null when none.</summary>
    public string? PendingOperation { get; set; }

    /// <summary>Gets or sets whether the sale recorded and not yet filled is a liquidation (the vault was below a health factor of 1); its order says so to the venue.</summary>
    public bool PendingLiquidation { get; set; }

    /// <summary>
    /// Gets or sets the sale whose proceeds are still to repay the debt: written with the fill, cleared once the
    /// repayment is recorded, so that a fill whose repayment was cut short (a crash, a pool that did not answer)
    /// repays at the next revaluation; null when none.
    /// </summary>
    public PendingRepayment? PendingRepay { get; set; }

    /// <summary>Gets or sets the number of the next sale (request ids are <c>vault/sale-N</c>).</summary>
    public int Next { get; set; }

    /// <summary>Gets or sets the sales executed.</summary>
    public int Executed { get; set; }

    /// <summary>Gets or sets the sales made below a health factor of 1.</summary>
    public int Liquidations { get; set; }

    /// <summary>Gets or sets what was sold per asset, in base units.</summary>
    public Dictionary<string, UInt128> Sold { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets what the sales fetched per quote asset, in base units.</summary>
    public Dictionary<string, UInt128> Proceeds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets when the last sale executed.</summary>
    public DateTimeOffset? LastSaleAt { get; set; }
}

/// <summary>A sale's proceeds still to repay the debt (plain data, part of <see cref="VaultSales"/>).</summary>
public sealed class PendingRepayment
{
    /// <summary>Gets or sets the sale's operation id; the repayment's id is derived from it.</summary>
    public string Operation { get; set; } = "";

    /// <summary>Gets or sets the proceeds' asset.</summary>
    public string Asset { get; set; } = "";

    /// <summary>Gets or sets the proceeds, in base units: the most the repayment takes.</summary>
    public UInt128 Proceeds { get; set; }
}
