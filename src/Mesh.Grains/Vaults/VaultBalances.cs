namespace Mesh.Grains.Vaults;

/// <summary>A vault's holdings and debts in base units, with each token's decimals.</summary>
/// <param name="Collateral">Balance per asset.</param>
/// <param name="Debt">Debt per asset, accrued interest included.</param>
/// <param name="Decimals">Decimals per asset on the vault's chain.</param>
/// <param name="RecallDue">What the pools have recalled per asset, as of their last word.</param>
internal sealed record VaultBalances(
    IReadOnlyDictionary<string, UInt128> Collateral,
    IReadOnlyDictionary<string, UInt128> Debt,
    IReadOnlyDictionary<string, int> Decimals,
    IReadOnlyDictionary<string, UInt128>? RecallDue = null)
{
    internal static double ToUnits(UInt128 amount, int decimals) => (double)amount / Math.Pow(10, decimals);

    /// <summary>What the vault holds of each asset net of what it owes of it, in units (assets it owes more of are left out).</summary>
    internal Dictionary<string, double> NetUnits()
    {
        var net = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (asset, amount) in Collateral)
        {
            var owed = Debt.GetValueOrDefault(asset);
            if (amount > owed && Decimals.TryGetValue(asset, out var decimals))
            {
                net[asset] = ToUnits(amount - owed, decimals);
            }
        }

        return net;
    }
}
