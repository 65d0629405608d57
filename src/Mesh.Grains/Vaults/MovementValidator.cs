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
        if (string.IsNullOrWhiteSpace(movement.OperationId) || movement.OperationId.Length > MaxOperationIdLength || movement.OperationId.Any(char.IsControl))
        {
            throw MeshException.Invalid("operationId", "operation.malformed_id", $"operationId must be 1-{MaxOperationIdLength} printable characters.");
        }

        var token = chain.FindToken(movement.Asset ?? "")
            ?? throw MeshException.Invalid("asset", "asset.unknown", $"asset '{movement.Asset}' is not a token on {chain.Name} ({string.Join(", ", chain.Tokens.Select(t => t.Symbol))}).");
        if (movement.Amount == UInt128.Zero)
        {
            throw MeshException.Invalid("amount", "amount.zero", "amount must be greater than zero.");
        }

        return token;
    }
}
