using BenchmarkDotNet.Attributes;
using Mesh.Silo.Simulation;

namespace Mesh.Benchmarks;

/// <summary>
/// The default fire-sale simulation end to end, as <c>simulate</c> runs it (5 protocols, 2,000 vaults on 3 chains, the
/// built-in crash, all four policies, each in its own in-process silo; target: under 60 s). One run is minutes long, so
/// the job has no warm-up and one iteration of one invocation. The run's own reports
/// (the comparison table, CSV and HTML) go to the folder named by the environment variable
/// <c>MESH_SIMULATION_OUT</c> (run.sh: <c>results/simulation-default/</c>), else to a temporary folder.
/// </summary>
[RevaluationJob]
[WarmupCount(0)]
[IterationCount(1)]
public class SimulationBenchmarks
{
    private readonly string _output = Environment.GetEnvironmentVariable("MESH_SIMULATION_OUT") is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(Path.GetTempPath(), "mesh-simulation-benchmark");

    [Benchmark]
    public async Task<int> DefaultSimulation()
    {
        var code = await SimulationCommand.RunAsync(["--quiet", "--out", _output], TextWriter.Null, Console.Error, CancellationToken.None);
        return code == 0 ? code : throw new InvalidOperationException($"simulate exited {code}.");
    }
}
