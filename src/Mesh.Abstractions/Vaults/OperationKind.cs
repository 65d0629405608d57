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

    /// <summary>Tokens from the vault into the asset's pool, as a lender (shares minted to the protocol).</summary>
    Supply = 4,

    /// <summary>Pool shares redeemed back into the vault (the amount is in shares; the receipt's pool answer says the assets).</summary>
    Redeem = 5,

    /// <summary>Sells collateral through the market venue under a coordinator's grant; the proceeds are credited in the venue's quote asset and repay the vault's debt in it.</summary>
    Sale = 6,

    /// <summary>
    /// Collateral leaving the vault for the protocol's vault on another chain (a cross-chain transfer's lock): taken out
    /// of the balance when recorded, before the lock is sent; given back if the transfer is compensated. Driven by the
    /// transfer's saga, never by the vault.
    /// </summary>
    TransferOut = 7,

    /// <summary>
    /// Collateral arriving from the protocol's vault on another chain (a cross-chain transfer's release): recorded before
    /// the release is sent, credited once it is final. Driven by the transfer's saga, never by the vault.
    /// </summary>
    TransferIn = 8,

    /// <summary>
    /// Collateral leaving the vault for another of the protocol's books on the same chain (a top-up, see
    /// <see cref="Mesh.Rebalancing.ITopUpDeskGrain"/>): taken out when recorded, completed once the receiving book has
    /// credited it. Both books share the protocol's balance in the chain's vault contract, so nothing moves on chain.
    /// </summary>
    TopUpOut = 9,

    /// <summary>Collateral credited from another of the protocol's books on the same chain (the receiving side of a <see cref="TopUpOut"/>); recorded completed.</summary>
    TopUpIn = 10,
}
