using Mesh.Chains.Configuration;

namespace Mesh.Silo.Tests.Evm;

/// <summary>Compares two chains files by what deploy writes: each chain's contracts, token and price feed addresses.</summary>
internal sealed class ChainsComparer : IEqualityComparer<ChainsConfiguration>
{
    public static readonly ChainsComparer Instance = new();

    public bool Equals(ChainsConfiguration? x, ChainsConfiguration? y) =>
        x is not null && y is not null && Addresses(x).SequenceEqual(Addresses(y));

    public int GetHashCode(ChainsConfiguration obj) => string.Join(",", Addresses(obj)).GetHashCode(StringComparison.Ordinal);

    private static IEnumerable<string> Addresses(ChainsConfiguration chains) =>
        chains.Chains.SelectMany(c => new[] { c.Name, c.Contracts.Vault, c.Contracts.Bridge }.Concat(c.Tokens.Select(t => $"{t.Symbol}={t.Address}")).Concat(c.PriceFeeds.Select(f => $"{f.Asset} feed={f.Address}")));
}
