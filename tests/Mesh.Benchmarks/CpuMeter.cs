using System.Diagnostics;

namespace Mesh.Benchmarks;

/// <summary>
/// CPU time used by a set of processes over a stretch of work, so that a throughput measured on a shared machine can
/// be turned into what it costs: CPU per call, and the rate the machine's cores would carry if the work had them all.
/// </summary>
internal sealed class CpuMeter
{
    private readonly int[] _processIds;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    private CpuMeter(int[] processIds)
    {
        _processIds = processIds;
        _cpuAtStart = TotalProcessorTime();
    }

    public static CpuMeter Start(params int[] processIds) => new(processIds);

    /// <summary>Describes <paramref name="calls"/> made since the start: calls/s, CPU µs per call, cores busy, and the ceiling on all cores.</summary>
    public string Describe(long calls, string whose)
    {
        var elapsed = Stopwatch.GetElapsedTime(_startTimestamp);
        var cpu = TotalProcessorTime() - _cpuAtStart;
        var perCall = cpu.TotalMicroseconds / calls;
        return $"{calls:N0} calls in {elapsed.TotalSeconds:0.00} s = {calls / elapsed.TotalSeconds:N0} calls/s; {whose} used {perCall:0.0} µs of CPU per call "
            + $"({cpu.TotalSeconds / elapsed.TotalSeconds:0.00} cores busy on average), so {Environment.ProcessorCount} cores given wholly to it would carry at most about "
            + $"{Environment.ProcessorCount * 1_000_000 / perCall:N0} calls/s";
    }

    private TimeSpan TotalProcessorTime()
    {
        var total = TimeSpan.Zero;
        foreach (var id in _processIds)
        {
            using var process = Process.GetProcessById(id);
            total += process.TotalProcessorTime;
        }

        return total;
    }
}
