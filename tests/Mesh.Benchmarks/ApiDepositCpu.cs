using System.Diagnostics;
using System.Globalization;

namespace Mesh.Benchmarks;

/// <summary>The CPU time the silo process and this process (the HTTP client) spent on one batch of deposits, and its wall time.</summary>
/// <param name="Deposits">How many deposits the batch made.</param>
/// <param name="Elapsed">The batch's wall time.</param>
/// <param name="Silo">The silo process's CPU time over the batch.</param>
/// <param name="Client">This process's CPU time over the batch.</param>
internal sealed record ApiDepositCpu(int Deposits, TimeSpan Elapsed, TimeSpan Silo, TimeSpan Client)
{
    /// <summary>Starts measuring a batch.</summary>
    /// <param name="siloPid">The silo process.</param>
    /// <param name="deposits">How many deposits the batch will make.</param>
    /// <returns>Call <see cref="Meter.Stop"/> after the batch.</returns>
    public static Meter Start(int siloPid, int deposits) => new(siloPid, deposits);

    /// <summary>One line: CPU per deposit in each process, cores busy, and the rate the machine's cores would carry.</summary>
    /// <param name="batches">The batches to sum.</param>
    /// <returns>The line.</returns>
    public static string Describe(IReadOnlyList<ApiDepositCpu> batches)
    {
        var deposits = batches.Sum(b => (long)b.Deposits);
        if (deposits == 0)
        {
            return "CPU: not measured.";
        }

        var elapsed = batches.Aggregate(TimeSpan.Zero, (t, b) => t + b.Elapsed);
        var silo = batches.Aggregate(TimeSpan.Zero, (t, b) => t + b.Silo).TotalMicroseconds / deposits;
        var client = batches.Aggregate(TimeSpan.Zero, (t, b) => t + b.Client).TotalMicroseconds / deposits;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU over the same invocations: the silo process used {silo:N0} µs per deposit and this process (the HTTP client) {client:N0} µs; "
            + $"together {(silo + client) * deposits / elapsed.TotalMicroseconds:0.00} cores busy on average, so {Environment.ProcessorCount} cores given wholly to silo and client "
            + $"would carry at most about {Environment.ProcessorCount * 1_000_000 / (silo + client):N0} deposits/s ({Environment.ProcessorCount * 1_000_000 / silo:N0} with the client elsewhere). "
            + $"Silo µs per deposit by invocation, in order: {string.Join(", ", batches.Select(b => (b.Silo.TotalMicroseconds / b.Deposits).ToString("N0", CultureInfo.InvariantCulture)))}.");
    }

    /// <summary>A batch being measured.</summary>
    internal sealed class Meter
    {
        private readonly int _siloPid;
        private readonly int _deposits;
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly TimeSpan _silo;
        private readonly TimeSpan _client;

        public Meter(int siloPid, int deposits)
        {
            _siloPid = siloPid;
            _deposits = deposits;
            _silo = SiloCpu();
            _client = ClientCpu();
        }

        public ApiDepositCpu Stop() => new(_deposits, Stopwatch.GetElapsedTime(_started), SiloCpu() - _silo, ClientCpu() - _client);

        private TimeSpan SiloCpu()
        {
            using var process = Process.GetProcessById(_siloPid);
            return process.TotalProcessorTime;
        }

        private static TimeSpan ClientCpu()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }
}
