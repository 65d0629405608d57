namespace Mesh.Chains.Clients;

/// <summary>The stable codes of chain failures and reverts, dotted lower case.</summary>
public static class ChainErrorCodes
{
    /// <summary>The node did not answer in time.</summary>
    public const string Timeout = "chain.timeout";

    /// <summary>The node is unreachable or refuses service.</summary>
    public const string Unavailable = "chain.unavailable";

    /// <summary>The node's answer could not be read.</summary>
    public const string InvalidResponse = "chain.invalid_response";

    /// <summary>No chain of that name is configured.</summary>
    public const string UnknownChain = "chain.unknown_chain";

    /// <summary>The chain has no token of that symbol.</summary>
    public const string UnknownToken = "chain.unknown_token";

    /// <summary>The operation is malformed (zero amount, bad address, empty protocol id).</summary>
    public const string InvalidOperation = "chain.invalid_operation";

    /// <summary>A different operation is already live under the same operation id.</summary>
    public const string OperationConflict = "chain.operation_conflict";

    /// <summary>Revert: the account holds fewer tokens than a deposit pulls.</summary>
    public const string InsufficientBalance = "chain.insufficient_balance";

    /// <summary>Revert: the account approved the vault for less than a deposit pulls.</summary>
    public const string InsufficientAllowance = "chain.insufficient_allowance";

    /// <summary>Revert: the protocol's vault balance is less than a withdrawal or lock takes.</summary>
    public const string InsufficientVaultBalance = "chain.insufficient_vault_balance";

    /// <summary>Revert: the bridge holds less liquidity than a release pays out.</summary>
    public const string InsufficientBridgeLiquidity = "chain.insufficient_bridge_liquidity";
}
