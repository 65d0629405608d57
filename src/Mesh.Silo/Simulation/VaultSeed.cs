namespace Mesh.Silo.Simulation;

/// <summary>One simulated vault's starting book, drawn from the seed.</summary>
/// <param name="Index">The vault's number.</param>
/// <param name="Protocol">Its protocol.</param>
/// <param name="Chain">Its chain.</param>
/// <param name="Key">Its grain key (<c>protocol/chain/account</c>).</param>
/// <param name="Weth">Its WETH collateral in whole units.</param>
/// <param name="TargetHealth">The health factor its credit is drawn to.</param>
/// <param name="PutContracts">The size of its short put (WETH).</param>
/// <param name="PerpSize">The size of its long perp (WETH).</param>
internal sealed record VaultSeed(int Index, string Protocol, string Chain, string Key, decimal Weth, double TargetHealth, decimal PutContracts, decimal PerpSize)
{
    /// <summary>The book of every vault for a seed: the same seed gives the same books.</summary>
    public static IReadOnlyList<VaultSeed> Draw(int vaults, IReadOnlyList<string> protocols, IReadOnlyList<string> chains, int seed)
    {
        var random = new Random(seed);
        var seeds = new List<VaultSeed>(vaults);
        for (var i = 0; i < vaults; i++)
        {
            var protocol = protocols[i % protocols.Count];
            var chain = chains[(i / protocols.Count) % chains.Count];
            var weth = decimal.Round((decimal)(5 + (random.NextDouble() * 95)), 3);
            // Health factors between 1.3 and 2.3: a 35% fall takes the lower part of the book below 1 unless it acts.
            var target = 1.3 + (random.NextDouble() * random.NextDouble() * 1.0);
            var put = decimal.Round(weth * (decimal)(0.05 + (random.NextDouble() * 0.15)), 2);
            var perp = decimal.Round(weth * (decimal)(0.05 + (random.NextDouble() * 0.10)), 2);
            seeds.Add(new VaultSeed(i, protocol, chain, $"{protocol}/{chain}/v{i:D5}", weth, target, put, perp));
        }

        return seeds;
    }
}
