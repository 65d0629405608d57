namespace Mesh.Vaults;

/// <summary>Where a value-moving operation is.</summary>
[GenerateSerializer]
[Alias("mesh.vault.operation-status")]
public enum OperationStatus
{
    /// <summary>Accepted and durable; waiting for the chain or the pool.</summary>
    Pending = 0,

    /// <summary>Applied: the balances reflect it.</summary>
    Completed = 1,

    /// <summary>Refused or failed; nothing moved (what was reserved has been given back).</summary>
    Failed = 2,
}
