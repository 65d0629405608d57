using Mesh.Errors;

namespace Mesh.Vaults;

/// <summary>A vault is one protocol's collateral on one chain; its grain key is <c>protocol/chain</c>.</summary>
/// <param name="ProtocolId">The protocol.</param>
/// <param name="Chain">The chain name.</param>
[GenerateSerializer]
[Alias("mesh.vault.key")]
public sealed record VaultKey([property: Id(0)] string ProtocolId, [property: Id(1)] string Chain)
{
    /// <summary>The grain key.</summary>
    /// <returns><c>protocol/chain</c>.</returns>
    public override string ToString() => $"{ProtocolId}/{Chain}";

    /// <summary>Parses a grain key.</summary>
    /// <param name="key">A <c>protocol/chain</c> key.</param>
    /// <returns>The vault key.</returns>
    /// <exception cref="MeshException">The key is not of that form.</exception>
    public static VaultKey Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1 || key.IndexOf('/', slash + 1) >= 0)
        {
            throw MeshException.Invalid("vault", "vault.malformed_key", $"'{key}' is not a vault key of the form protocol/chain.");
        }

        return new VaultKey(key[..slash], key[(slash + 1)..]);
    }
}
