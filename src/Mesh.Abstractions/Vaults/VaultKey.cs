using Mesh.Errors;

namespace Mesh.Vaults;

/// <summary>
/// A vault is one protocol's collateral on one chain; its grain key is <c>protocol/chain</c>. A protocol that keeps
/// several books on a chain (one per account of its own, as the fire-sale simulation does with thousands of vaults)
/// names each with an account: <c>protocol/chain/account</c>. The account's vaults share the protocol's balance in the
/// chain's vault contract; each has its own books and health.
/// </summary>
/// <param name="ProtocolId">The protocol.</param>
/// <param name="Chain">The chain name.</param>
/// <param name="Account">The protocol's account for a sub-account vault; null for the protocol's main vault on the chain.</param>
[GenerateSerializer]
[Alias("mesh.vault.key")]
public sealed record VaultKey([property: Id(0)] string ProtocolId, [property: Id(1)] string Chain, [property: Id(2)] string? Account = null)
{
    /// <summary>The grain key.</summary>
    /// <returns><c>protocol/chain</c>, or <c>protocol/chain/account</c>.</returns>
    public override string ToString() => Account is null ? $"{ProtocolId}/{Chain}" : $"{ProtocolId}/{Chain}/{Account}";

    /// <summary>Parses a grain key.</summary>
    /// <param name="key">A <c>protocol/chain</c> or <c>protocol/chain/account</c> key.</param>
    /// <returns>The vault key.</returns>
    /// <exception cref="MeshException">The key is not of that form.</exception>
    public static VaultKey Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
        {
            throw MeshException.Invalid("vault", "vault.malformed_key", $"'{key}' is not a vault key of the form protocol/chain or protocol/chain/account.");
        }

        return new VaultKey(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }
}
