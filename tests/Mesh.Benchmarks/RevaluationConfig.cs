using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Mesh.Benchmarks;

/// <summary>
/// The revaluation benchmark's job and columns. Its own job (it replaces the run's default, <c>--smoke</c> included):
/// in-process with a 90-minute limit (the default is shorter than the setup of 10,000 vaults), 3 warm-up and 20
/// measured iterations of one tick each; columns median, P95, max, and this process's CPU time per tick and per vault.
/// </summary>
internal sealed class RevaluationConfig : ManualConfig
{
    public RevaluationConfig()
    {
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(90), logOutput: true))
            .WithWarmupCount(3)
            .WithIterationCount(20)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithLaunchCount(1)
            .WithId("OneTick"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        AddColumn(new RevaluationCpuColumn(perVault: false), new RevaluationCpuColumn(perVault: true));
    }
}
