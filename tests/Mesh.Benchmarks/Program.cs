using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Mesh.Benchmarks;

if (args.Length > 0 && args[0] == "--latency")
{
    var report = await LatencyProbe.RunAsync(calls: 1_000_000, loadCallers: 8);
    Console.WriteLine(report);
    if (args.Length > 1)
    {
        await File.WriteAllTextAsync(args[1], report);
    }

    return;
}

if (args.Length > 0 && args[0] == "--cluster")
{
    var report = await ClusterProbe.RunAsync(calls: 50_000, recoveryRuns: 5);
    Console.WriteLine(report);
    if (args.Length > 1)
    {
        await File.WriteAllTextAsync(args[1], report);
    }

    return;
}

var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(LocalCallBenchmarks).Assembly).Run(args, config);
