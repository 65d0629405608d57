using BenchmarkDotNet.Running;
using Mesh.Benchmarks;

// Probes that BenchmarkDotNet's per-iteration statistics cannot give are subcommands (--latency, --cross-silo-latency,
// --recovery); everything else is BenchmarkDotNet (--filter '*', plus --smoke and --results DIR). See README.md.
if (ProbeCommand.TryParse(args, out var probe))
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        // Stop cleanly, so that silo processes and PostgreSQL are stopped and temporary folders removed.
        e.Cancel = true;
        cancel.Cancel();
    };
    return await probe.RunAsync(cancel.Token);
}

var run = BenchmarkRun.Parse(args);
return run.Export(BenchmarkSwitcher.FromAssembly(typeof(LocalCallBenchmarks).Assembly).Run(run.BenchmarkDotNetArgs, run.Config));
