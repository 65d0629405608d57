namespace Mesh.Silo.Tests.Cluster;

/// <summary>What a <see cref="DirectoryExperiment"/> found.</summary>
/// <param name="Duplicates">Keys two activations served at once.</param>
/// <param name="MovedOffLiveSilos">Keys whose activation was replaced while its silo stayed alive.</param>
/// <param name="Recoveries">Per kill, how long each sampled grain of the killed silo took to answer from a survivor.</param>
/// <param name="Answers">How many answers arrived.</param>
internal sealed record DirectoryExperimentResult(
    IReadOnlyDictionary<string, (Guid First, Guid Second)> Duplicates,
    IReadOnlyList<string> MovedOffLiveSilos,
    IReadOnlyList<TimeSpan[]> Recoveries,
    int Answers);
