namespace Mesh.Chains.Evm;

/// <summary>The stable codes of EVM-specific failures, beside <see cref="Clients.ChainErrorCodes"/>.</summary>
public static class EvmErrorCodes
{
    /// <summary>The node refused the signed transaction itself (fee too low, gas, funds for gas); nothing was sent.</summary>
    public const string TransactionRejected = "chain.transaction_rejected";

    /// <summary>A revert whose reason the client does not know.</summary>
    public const string Reverted = "chain.reverted";

    /// <summary>The signing key is missing or malformed.</summary>
    public const string InvalidKey = "chain.invalid_key";
}
