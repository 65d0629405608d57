namespace Mesh.TestGrains;

/// <summary>Keeps work in memory and writes it only when deactivated, to show that a graceful stop deactivates grains.</summary>
[Alias("test.shutdown")]
public interface IShutdownGrain : IGrainWithStringKey
{
    /// <summary>Waits, then counts one unit of work in memory (not yet written).</summary>
    [Alias("test.shutdown.work")]
    Task<long> Work(int milliseconds);

    /// <summary>The count as last written to storage.</summary>
    [Alias("test.shutdown.stored")]
    Task<long> Stored();
}
