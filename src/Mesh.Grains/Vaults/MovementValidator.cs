using Mesh.Chains.Configuration;
using Mesh.Errors;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>Checks a movement against the vault's chain; every failure names the field.</summary>
internal static class MovementValidator
{
    internal const int MaxOperationIdLength = 128;

    internal static TokenDefinition Check(VaultMovement movement, ChainDefinition chain)
    {
        ArgumentNullException.ThrowIfNull(movement);
        CheckId(movement);
        return CheckAmount(movement, chain);
    }

    /// <summary>Checks a transfer's vault operation: the mesh's own id, a token of the chain, an amount above zero.</summary>
    internal static TokenDefinition CheckTransfer(VaultMovement movement, ChainDefinition chain)
    {
        ArgumentNullException.ThrowIfNull(movement);
        if (!Mesh.Transfers.TransferOperations.TryRequestId(movement.OperationId ?? "", out _) || movement.OperationId!.Length > MaxOperationIdLength + Mesh.Transfers.TransferOperations.Prefix.Length)
        {
            throw MeshException.Invalid("operationId", "operation.malformed_id", $"A transfer's operation id is '{Mesh.Transfers.TransferOperations.Prefix}' and the request id.");
        }

        return CheckAmount(movement, chain);
    }

    private static void CheckId(VaultMovement movement)
    {
        if (string.IsNullOrWhiteSpace(movement.OperationId) || movement.OperationId.Length > MaxOperationIdLength || movement.OperationId.Any(char.IsControl))
        {
            throw MeshException.Invalid("operationId", "operation.malformed_id", $"operationId must be 1-{MaxOperationIdLength} printable characters.");
        }

        if (movement.OperationId.StartsWith(Mesh.Transfers.TransferOperations.Prefix, StringComparison.Ordinal))
        {
            throw MeshException.Invalid("operationId", "operation.reserved_id", $"operationId may not begin with '{Mesh.Transfers.TransferOperations.Prefix}': the mesh names its cross-chain transfers' operations so.");
        }

        if (movement.OperationId.StartsWith(Mesh.Rebalancing.TopUpOperations.Prefix, StringComparison.Ordinal))
        {
            throw MeshException.Invalid("operationId", "operation.reserved_id", $"operationId may not begin with '{Mesh.Rebalancing.TopUpOperations.Prefix}': the mesh names its top-ups' operations so.");
        }
    }

    private static TokenDefinition CheckAmount(VaultMovement movement, ChainDefinition chain)
    {
        var token = chain.FindToken(movement.Asset ?? "")
            ?? throw MeshException.Invalid("asset", "asset.unknown", $"asset '{movement.Asset}' is not a token on {chain.Name} ({string.Join(", ", chain.Tokens.Select(t => t.Symbol))}).");
        if (movement.Amount == UInt128.Zero)
        {
            throw MeshException.Invalid("amount", "amount.zero", "amount must be greater than zero.");
        }

        return token;
    }
}
