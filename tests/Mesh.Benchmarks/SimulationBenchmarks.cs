using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Mesh.Silo.Simulation;

namespace Mesh.Benchmarks;

/// <summary>
/// The default fire-sale simulation end to end, as <c>simulate</c> runs it (5 protocols, 2,000 vaults on 3 chains, the
/// built-in crash, the four default policies, each in its own in-process silo; target: under 60 s). One run is minutes long, so
/// the job is BenchmarkDotNet's cold-start strategy (no jitting run, no pilot, no warm-up) with one iteration of one invocation: the number is one whole run, first calls included. The run's own reports
/// (the comparison table, CSV and HTML) go to the folder named by the environment variable
/// <c>MESH_SIMULATION_OUT</c> (run.sh: <c>results/simulation-default/</c>), else to a temporary folder.
/// </summary>
[RevaluationJob]
[SimpleJob(RunStrategy.ColdStart)]
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
