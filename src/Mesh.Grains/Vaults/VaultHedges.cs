namespace Mesh.Grains.Vaults;

/// <summary>The vault's delta hedge as persisted: the request in progress and the perp positions held (plain data).</summary>
public sealed class VaultHedges
{
    /// <summary>Gets or sets the hedge request in progress (<c>vault/ASSET/hedge-N</c>); null when none.</summary>
    public string? OpenRequest { get; set; }

    /// <summary>Gets or sets whether the open request's trade is a sale (short), which goes under a coordinator grant.</summary>
    public bool OpenSells { get; set; }

    /// <summary>Gets or sets the size the open request asks for, base units of its underlying.</summary>
    public UInt128 OpenQuantity { get; set; }

    /// <summary>Gets or sets the quantity of the open request whose fill is already in <see cref="Positions"/> (the grant is still to be completed); zero before the fill.</summary>
    public UInt128 Applied { get; set; }

    /// <summary>Gets or sets the number of the next request.</summary>
    public int Next { get; set; }

    /// <summary>Gets or sets the profit or loss the hedges realized when they shrank or turned, USD: it stays in the venue's margin account and counts in the vault's book value.</summary>
    public double RealizedUsd { get; set; }

    /// <summary>Gets or sets the positions per underlying.</summary>
    public Dictionary<string, HedgePositionState> Positions { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One perp position of the vault's hedge, signed by <see cref="IsShort"/>.</summary>
public sealed class HedgePositionState
{
    /// <summary>Gets or sets whether the position is short.</summary>
    public bool IsShort { get; set; }

    /// <summary>Gets or sets the size, base units of the underlying.</summary>
    public UInt128 Quantity { get; set; }

    /// <summary>Gets or sets the underlying's decimals.</summary>
    public int Decimals { get; set; }

    /// <summary>Gets or sets the size-weighted average entry price.</summary>
    public decimal EntryPrice { get; set; }

    /// <summary>Gets or sets the trades that made the position.</summary>
    public int Trades { get; set; }

    /// <summary>Gets or sets what the trades paid against the mark, USD.</summary>
    public double ImpactPaidUsd { get; set; }
}
