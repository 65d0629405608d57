using System.Diagnostics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Mesh.Benchmarks;

/// <summary>
/// The CPU time this process (silo, grains, storage, the benchmark) spends on one measured oracle tick, per tick or
/// per vault revalued: the median over the ticks BenchmarkDotNet ran, warm-up included, measured inside the
/// benchmark call (so BenchmarkDotNet's forced collections between iterations are not in it). It depends much less on the
/// other load of a shared machine than the wall-clock mean; 2 cores given wholly to the silo would finish a tick in
/// about CPU per tick ÷ 2.
/// </summary>
internal sealed class RevaluationCpuColumn(bool perVault) : IColumn
{
    private static readonly Dictionary<int, List<TimeSpan>> Samples = [];
    private static int _vaults = 1;

    public string Id => perVault ? "RevaluationCpuPerVault" : "RevaluationCpuPerTick";

    public string ColumnName => perVault ? "CPU/vault" : "CPU/tick";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => perVault ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => perVault
        ? "Median CPU time of this process per measured tick, divided by the vaults revalued"
        : "Median CPU time of this process per measured tick (all threads)";

    /// <summary>The process's CPU time at the start of a measured tick.</summary>
    public static TimeSpan Start() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Records the CPU time since <see cref="Start"/> for a tick of the case <paramref name="move"/> that revalued <paramref name="vaults"/> vaults.</summary>
    public static void Stop(TimeSpan start, int move, int vaults)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - start;
        lock (Samples)
        {
            if (!Samples.TryGetValue(move, out var samples))
            {
                Samples[move] = samples = [];
            }

            samples.Add(cpu);
            _vaults = vaults;
        }
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var move = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(RevaluationBenchmarks.MoveBasisPoints))?.Value as int?;
        lock (Samples)
        {
            if (move is not { } m || !Samples.TryGetValue(m, out var samples) || samples.Count == 0)
            {
                return "-";
            }

            var sorted = samples.Order().ToArray();
            var median = sorted[sorted.Length / 2];
            return perVault ? $"{median.TotalMicroseconds / _vaults:0.0} μs" : $"{median.TotalMilliseconds:0} ms";
        }
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
