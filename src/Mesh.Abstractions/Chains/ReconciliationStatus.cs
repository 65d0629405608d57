namespace Mesh.Chains;

/// <summary>Whether the index and the chain agree on one line of a reconciliation.</summary>
public enum ReconciliationStatus
{
    /// <summary>The indexed amount (final plus tentative) equals the contract's balance to the base unit.</summary>
    Reconciled = 0,

    /// <summary>They differ; the line's difference says by how much.</summary>
    Differs = 1,
}
