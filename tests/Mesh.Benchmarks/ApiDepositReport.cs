using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Mesh.Benchmarks;

/// <summary>
/// The deposit benchmark's latencies and checks, as a markdown file beside BenchmarkDotNet's own report (named
/// <c>*-report-github.md</c>, so that <c>--results DIR</c> copies it with the load average).
/// </summary>
internal static class ApiDepositReport
{
    /// <summary>Writes the report of one benchmark method into BenchmarkDotNet's results folder and the console.</summary>
    /// <param name="method">The benchmark method.</param>
    /// <param name="batches">Each invocation's latencies (Stopwatch ticks), in order.</param>
    /// <param name="cpu">Each invocation's CPU time.</param>
    /// <param name="measured">How many of the last batches to summarize (BenchmarkDotNet's measured iterations).</param>
    /// <param name="checks">Lines describing the checks that passed.</param>
    public static void Write(string method, IReadOnlyList<long[]> batches, IReadOnlyList<ApiDepositCpu> cpu, int measured, IReadOnlyList<string> checks)
    {
        var last = batches.Skip(Math.Max(0, batches.Count - measured)).ToList();
        var all = last.SelectMany(b => b).Order().ToArray();
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## ApiDepositBenchmarks.{method}: latency of one deposit through the API")
            .AppendLine()
            .AppendLine(MachineInfo.Line())
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Per request (send to last byte of the 202 body, at the benchmark's concurrency), over the last {last.Count} of {batches.Count} invocations ({all.Length:N0} deposits):")
            .AppendLine()
            .AppendLine("| p50 | p90 | p99 | p99.9 | max | mean |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| {Ms(all, 0.50)} | {Ms(all, 0.90)} | {Ms(all, 0.99)} | {Ms(all, 0.999)} | {Ms(all, 1.0)} | {(all.Length == 0 ? "n/a" : Format(all.Average()))} |")
            .AppendLine()
            .AppendLine(ApiDepositCpu.Describe(cpu.Skip(Math.Max(0, cpu.Count - measured)).ToList()))
            .AppendLine()
            .AppendLine("Checks (outside the timed part):")
            .AppendLine();
        foreach (var check in checks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {check}");
        }

        var folder = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"Mesh.Benchmarks.ApiDepositBenchmarks-{method}-latency-report-github.md"), text.ToString());
        Console.WriteLine(text.ToString());
    }

    private static string Ms(long[] sorted, double quantile) =>
        sorted.Length == 0 ? "n/a" : Format(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)]);

    private static string Format(double ticks) =>
        string.Create(CultureInfo.InvariantCulture, $"{ticks * 1000.0 / Stopwatch.Frequency:F2} ms");
}
