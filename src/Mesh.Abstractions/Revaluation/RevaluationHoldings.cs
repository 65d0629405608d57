namespace Mesh.Revaluation;

/// <summary>What one revaluation partition's vaults hold of its asset, as each answered the last price it revalued at.</summary>
/// <param name="Asset">The partition's asset.</param>
/// <param name="Total">The sum of the answers, in base units of the asset.</param>
/// <param name="Reported">How many of the partition's vaults have answered since the partition was activated.</param>
/// <param name="Members">How many vaults the partition has.</param>
[GenerateSerializer]
[Alias("mesh.revaluation.holdings")]
public sealed record RevaluationHoldings(
    [property: Id(0)] string Asset,
    [property: Id(1)] UInt128 Total,
    [property: Id(2)] int Reported,
    [property: Id(3)] int Members);
