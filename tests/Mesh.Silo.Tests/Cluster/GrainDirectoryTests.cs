using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// The evidence for docs/decisions/0002-grain-directory.md: with the directory the mesh runs (Distributed), a key is
/// never served by two activations at once, and no activation on a healthy silo is replaced, while silos crash under load.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainDirectoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RepeatedKills_DistributedDirectory_NoKeyServedByTwoActivationsAtOnce()
    {
        var sut = await DirectoryExperiment.RunAsync(output, kills: 2, "--Mesh:Orleans:GrainDirectory=Distributed");

        Assert.True(sut.Answers > 4000, $"the probes answered ({sut.Answers} answers)");
        Assert.Empty(sut.Duplicates);
        Assert.Empty(sut.MovedOffLiveSilos);
        Assert.All(sut.Recoveries.SelectMany(r => r), time => Assert.True(time < TimeSpan.FromSeconds(60), $"a killed silo's grain answered again only after {time.TotalSeconds:F2} s"));
    }
}
