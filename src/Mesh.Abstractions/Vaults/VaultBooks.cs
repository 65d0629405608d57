namespace Mesh.Vaults;

/// <summary>A vault's books as stored: what an audit reads.</summary>
/// <param name="Vault">The vault.</param>
/// <param name="Balances">Balance per asset in base units (own deposits plus credit drawn in; amounts leaving are already out).</param>
/// <param name="Debt">Debt per asset in base units, as of the pool's last answer.</param>
/// <param name="Pending">The operations still in flight.</param>
[GenerateSerializer]
[Alias("mesh.vault.books")]
public sealed record VaultBooks(
    [property: Id(0)] VaultKey Vault,
    [property: Id(1)] IReadOnlyDictionary<string, UInt128> Balances,
    [property: Id(2)] IReadOnlyDictionary<string, UInt128> Debt,
    [property: Id(3)] IReadOnlyList<OperationReceipt> Pending);
