using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Mesh.Benchmarks;

/// <summary>
/// BenchmarkDotNet's configuration: in-process (the benchmarks start silos and PostgreSQL in this process),
/// 3 warm-up and 10 measured iterations as for the old runtime's results, or <c>--smoke</c> for a short check.
/// <c>--results DIR</c> copies the GitHub tables there with the load average (and <c>--note "text"</c>) appended.
/// </summary>
internal sealed class BenchmarkRun
{
    private readonly string? _resultsDirectory;
    private readonly string? _note;
    private readonly string _loadAtStart = MachineInfo.LoadAverage();
    private readonly DateTime _started = TimeProvider.System.GetUtcNow().UtcDateTime;

    private BenchmarkRun(string[] benchmarkDotNetArgs, IConfig config, string? resultsDirectory, string? note)
    {
        BenchmarkDotNetArgs = benchmarkDotNetArgs;
        Config = config;
        _resultsDirectory = resultsDirectory;
        _note = note;
    }

    public string[] BenchmarkDotNetArgs { get; }

    public IConfig Config { get; }

    public static BenchmarkRun Parse(string[] args)
    {
        var rest = new List<string>();
        string? results = null;
        string? note = null;
        var smoke = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    smoke = true;
                    break;
                case "--results" when i + 1 < args.Length:
                    results = Path.GetFullPath(args[++i]);
                    break;
                case "--note" when i + 1 < args.Length:
                    note = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        // 30 min per benchmark case instead of the toolchain's 5: a case that starts a silo and makes tens of thousands of
        // HTTP requests (ApiDepositBenchmarks) can take longer than 5 min on a loaded machine.
        var toolchain = new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true);
        var job = smoke
            ? Job.ShortRun.WithToolchain(toolchain).WithId("Smoke")
            : Job.Default.WithToolchain(toolchain).WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1);
        var config = DefaultConfig.Instance.AddJob(job.AsDefault());
        return new BenchmarkRun([.. rest], config, results, note);
    }

    /// <summary>Copies this run's GitHub tables to the results folder; returns the process exit code.</summary>
    public int Export(IEnumerable<Summary> summaries)
    {
        var all = summaries.ToList();
        if (_resultsDirectory is not null)
        {
            Directory.CreateDirectory(_resultsDirectory);
            var loadAtEnd = MachineInfo.LoadAverage();
            foreach (var report in all.Select(s => s.ResultsDirectoryPath).Distinct()
                         .SelectMany(d => Directory.EnumerateFiles(d, "*-report-github.md"))
                         .Where(f => File.GetLastWriteTimeUtc(f) >= _started))
            {
                var text = File.ReadAllText(report).TrimEnd() + Environment.NewLine + Environment.NewLine
                    + (string.IsNullOrWhiteSpace(_note) ? string.Empty : _note + Environment.NewLine + Environment.NewLine)
                    + $"Load average (1, 5, 15 min) when this BenchmarkDotNet run (every class it ran) started: {_loadAtStart}; when it ended: {loadAtEnd}." + Environment.NewLine;
                File.WriteAllText(Path.Combine(_resultsDirectory, Path.GetFileName(report)), text);
            }
        }

        return all.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
