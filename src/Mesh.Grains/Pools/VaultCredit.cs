namespace Mesh.Grains.Pools;

/// <summary>A vault's credit line: its debt in scaled units (debt = scaled × borrow index, rounded up) and what is recalled.</summary>
internal sealed class VaultCredit
{
    /// <summary>The protocol that owns the vault.</summary>
    public string ProtocolId { get; set; } = "";

    /// <summary>The chain the vault draws and repays on.</summary>
    public string Chain { get; set; } = "";

    /// <summary>The debt divided by the borrow index at each draw, rounded up; in base units × RAY / index.</summary>
    public UInt128 ScaledDebt { get; set; }

    /// <summary>The part of the debt the pool has recalled and that is now due; never above the debt.</summary>
    public UInt128 RecallDue { get; set; }

    /// <summary>The shared risk-factor ids the vault's exposure maps to, as of its last draw.</summary>
    public List<string> RiskFactors { get; set; } = [];
}
