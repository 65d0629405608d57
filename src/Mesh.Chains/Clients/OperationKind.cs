namespace Mesh.Chains.Clients;

/// <summary>What a chain operation does with a protocol's collateral in the mesh vault.</summary>
public enum OperationKind
{
    /// <summary>Pulls tokens from the protocol's account into the vault (the account approved the vault).</summary>
    Deposit = 0,

    /// <summary>Sends tokens from the protocol's vault balance to the protocol's account.</summary>
    Withdraw = 1,

    /// <summary>Moves tokens from the protocol's vault balance into the bridge, the source leg of a transfer.</summary>
    Lock = 2,

    /// <summary>Moves tokens from the bridge into the protocol's vault balance, the destination leg of a transfer.</summary>
    Release = 3,
}
