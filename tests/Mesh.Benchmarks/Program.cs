using BenchmarkDotNet.Running;
using Mesh.Benchmarks;

// Probes that BenchmarkDotNet's per-iteration statistics cannot give are subcommands (--latency, --cross-silo-latency,
// --recovery); everything else is BenchmarkDotNet (--filter '*', plus --smoke and --results DIR). See README.md.
if (ProbeCommand.TryParse(args, out var probe))
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    try
    {
        return await probe.RunAsync(cancel.Token);
    }
    catch (Exception exception)
    {
        // Exit normally (not by an unhandled exception), so that the throwaway PostgreSQL server is stopped and removed.
        await Console.Error.WriteLineAsync($"The probe failed: {exception}");
        return exception is OperationCanceledException ? 130 : 1;
    }
}

var run = BenchmarkRun.Parse(args);
return run.Export(BenchmarkSwitcher.FromAssembly(typeof(LocalCallBenchmarks).Assembly).Run(run.BenchmarkDotNetArgs, run.Config));
