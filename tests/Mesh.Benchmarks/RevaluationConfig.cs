using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Mesh.Benchmarks;

/// <summary>The revaluation benchmark's columns: median, P95, max, and this process's CPU time per tick and per vault.</summary>
internal sealed class RevaluationConfig : ManualConfig
{
    public RevaluationConfig()
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        AddColumn(new RevaluationCpuColumn(perVault: false), new RevaluationCpuColumn(perVault: true));
    }
}
