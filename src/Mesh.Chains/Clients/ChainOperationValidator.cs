using Mesh.Chains.Configuration;

namespace Mesh.Chains.Clients;

/// <summary>The checks every client makes before it sends an operation; returns it with the account normalised.</summary>
internal static class ChainOperationValidator
{
    public static ChainOperation Validate(ChainDefinition chain, ChainOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!Enum.IsDefined(operation.Kind))
        {
            throw Invalid(chain, $"operation {operation.Id}: unknown kind {(int)operation.Kind}.");
        }

        if (string.IsNullOrWhiteSpace(operation.ProtocolId))
        {
            throw Invalid(chain, $"operation {operation.Id}: the protocol id is empty.");
        }

        if (operation.Amount == UInt128.Zero)
        {
            throw Invalid(chain, $"operation {operation.Id}: the amount must be greater than zero.");
        }

        if (!ChainAddress.TryNormalize(operation.Account, out var account))
        {
            throw Invalid(chain, $"operation {operation.Id}: '{operation.Account}' is not an address (0x and 40 hex digits).");
        }

        if (chain.FindToken(operation.Token) is null)
        {
            throw UnknownToken(chain, operation.Token);
        }

        return operation with { Account = account };
    }

    public static ChainClientException UnknownToken(ChainDefinition chain, string token) =>
        ChainClientException.Rejected(
            chain.Name,
            ChainErrorCodes.UnknownToken,
            $"Chain '{chain.Name}' has no token '{token}'; it has {string.Join(", ", chain.Tokens.Select(t => t.Symbol))}.");

    private static ChainClientException Invalid(ChainDefinition chain, string message) =>
        ChainClientException.Rejected(chain.Name, ChainErrorCodes.InvalidOperation, $"Chain '{chain.Name}': {message}");
}
