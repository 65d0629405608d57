using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace Mesh.Benchmarks;

/// <summary>
/// Deposits through the HTTP API with idempotency keys and durable writes, on a real single-node silo process
/// (production <c>Mesh.Silo</c>, SQLite) over loopback: <c>POST /api/protocols/{id}/vaults/{chain}/deposits</c> with a
/// protocol key and a fresh <c>Idempotency-Key</c>, until each has its 202. 1 / Mean = deposits per second.
/// Setup and cleanup check that deposits are readable, final on the chain, replayed to a retry, and (after the silo
/// is killed) every acknowledged one is in the SQLite file.
/// </summary>
[MemoryDiagnoser]
public class ApiDepositBenchmarks
{
    private const int Protocols = 64;
    private const int Concurrency = 64;
    private const int ConcurrentBatch = 2_000;
    private const int SequentialBatch = 500;
    private const int MeasuredIterations = 10;

    private readonly List<long[]> _batches = [];
    private readonly List<ApiDepositCpu> _cpu = [];
    private readonly List<string> _checks = [];
    private ApiDepositSilo _silo = null!;
    private string _method = "";
    private long _acknowledged;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    /// <summary>One client, each deposit awaited before the next: the latency of a deposit on an idle silo; reported per deposit.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SequentialBatch)]
    public Task SequentialDeposits() => RunAsync(nameof(SequentialDeposits), SequentialBatch, 1);

    /// <summary>64 requests in flight over the client's connection pool, spread over every vault; reported per deposit.</summary>
    [Benchmark(OperationsPerInvoke = ConcurrentBatch)]
    public Task ConcurrentDeposits() => RunAsync(nameof(ConcurrentDeposits), ConcurrentBatch, Concurrency);

    private async Task RunAsync(string method, int count, int concurrency)
    {
        _method = method;
        var batch = string.Create(CultureInfo.InvariantCulture, $"{method}-{_batches.Count}");
        var cpu = ApiDepositCpu.Start(_silo.Process.Pid, count);
        _batches.Add(await ApiDepositLoad.RunAsync(_silo.Http, _silo.Vaults, batch, count, concurrency));
        _cpu.Add(cpu.Stop());
        _acknowledged += count;
    }

    private async Task SetupAsync()
    {
        _silo = await ApiDepositSilo.StartAsync(Protocols, Concurrency, CancellationToken.None);
        _checks.Add($"{Protocols} protocols joined, approved and funded on {ApiDepositSilo.Chains.Length} chains: {_silo.Vaults.Count} vaults");
        _checks.Add("setup: " + await ApiDepositCheck.RetryAndReadBackAsync(_silo.Http, _silo.Vaults[0], CancellationToken.None));
        _acknowledged = 1;

        // Activate every vault and its idempotency path once, outside the measurement.
        _batches.Add(await ApiDepositLoad.RunAsync(_silo.Http, _silo.Vaults, "warm", _silo.Vaults.Count, Concurrency));
        _acknowledged += _silo.Vaults.Count;
    }

    private async Task CleanupAsync()
    {
        try
        {
            // SIGKILL, no graceful stop: what the file holds now is what a crash right after the last 202 would leave.
            await _silo.Process.KillAsync();
            var (deposits, recorded) = await ApiDepositCheck.CountAsync(_silo.DatabaseFile, CancellationToken.None);
            var line = $"after SIGKILL of the silo: {deposits:N0} deposit operations in vault states and {recorded:N0} recorded 202 answers in idempotency records, for {_acknowledged:N0} acknowledged deposits";
            _checks.Add(line);
            ApiDepositReport.Write(_method, _batches.Skip(1).ToList(), _cpu, MeasuredIterations, _checks);
            if (deposits != _acknowledged || recorded != _acknowledged)
            {
                throw new InvalidOperationException("Acknowledged deposits are missing from the SQLite file: " + line);
            }
        }
        finally
        {
            await _silo.DisposeAsync();
        }
    }
}
