namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// Saturates the machine's cores from the test process: one dedicated thread per core spins until disposed, so that
/// the silo processes compete for CPU as they would beside a noisy neighbour.
/// </summary>
internal sealed class CpuBurner : IDisposable
{
    private readonly Thread[] _threads;
    private volatile bool _stopping;
    private long _spins;

    private CpuBurner(int threads)
    {
        _threads = [.. Enumerable.Range(0, threads).Select(i => new Thread(Spin) { IsBackground = true, Name = $"cpu-burner-{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Gets how many spin rounds the threads made (a check that they ran).</summary>
    public long Spins => Interlocked.Read(ref _spins);

    /// <summary>Starts one spinning thread per logical core.</summary>
    /// <returns>The running burner.</returns>
    public static CpuBurner OnEveryCore() => new(Environment.ProcessorCount);

    public void Dispose()
    {
        _stopping = true;
        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void Spin()
    {
        while (!_stopping)
        {
            Thread.SpinWait(10_000);
            Interlocked.Increment(ref _spins);
        }
    }
}
