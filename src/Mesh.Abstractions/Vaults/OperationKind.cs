namespace Mesh.Vaults;

/// <summary>What a value-moving operation on a vault does.</summary>
[GenerateSerializer]
[Alias("mesh.vault.operation-kind")]
public enum OperationKind
{
    /// <summary>Tokens from the protocol's account into the vault, on chain.</summary>
    Deposit = 0,

    /// <summary>Tokens from the vault to the protocol's account, on chain.</summary>
    Withdraw = 1,

    /// <summary>Credit from the asset's pool into the vault.</summary>
    Draw = 2,

    /// <summary>Tokens from the vault back to the pool, paying interest first, then principal.</summary>
    Repay = 3,
}
