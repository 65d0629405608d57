using Mesh.Runtime.Activation;
using Mesh.Runtime.Hosting;
using Mesh.Runtime.Persistence;

namespace Mesh.Runtime.Cluster;

/// <summary>
/// This silo's view of partition ownership: the leases it holds (epoch and the local time until which it may serve
/// each one) and, for routing, every partition's current owner as last read from the lease table.
/// </summary>
internal sealed class ClusterGrainLocator : IGrainLocator
{
    private readonly long[] _epochs;
    private readonly long[] _servesUntil;
    private readonly TimeProvider _time;
    private PartitionOwner?[] _owners;
    private volatile bool _frozen;

    public ClusterGrainLocator(RuntimeOptions options, TimeProvider time, string siloId)
    {
        PartitionCount = options.PartitionCount;
        _epochs = new long[PartitionCount];
        _servesUntil = new long[PartitionCount];
        _owners = new PartitionOwner?[PartitionCount];
        _time = time;
        SiloId = siloId;
    }

    public string SiloId { get; }

    public int PartitionCount { get; }

    /// <summary>Raised when a caller asks for a fresh ownership view.</summary>
    public event Action? RefreshRequested;

    public bool IsLocal(int partition) =>
        _frozen ? Volatile.Read(ref _epochs[partition]) > 0 : Volatile.Read(ref _servesUntil[partition]) > _time.GetTimestamp();

    public (int Partition, WriteFence Fence) GetFence(GrainId grainId)
    {
        var partition = (int)(grainId.StableHash() % (ulong)PartitionCount);
        var epoch = Volatile.Read(ref _epochs[partition]);
        if (epoch <= 0 || !IsLocal(partition) || Volatile.Read(ref _epochs[partition]) != epoch)
        {
            throw new NotOwnerException($"Silo {SiloId} does not own partition {partition} (grain {grainId}).") { CallDidNotRun = true };
        }

        return (partition, new WriteFence(partition, epoch, SiloId));
    }

    public long CurrentEpoch(int partition) => Volatile.Read(ref _epochs[partition]);

    public Uri? GetOwnerEndpoint(int partition)
    {
        var owner = Volatile.Read(ref _owners)[partition];
        return owner?.SiloId is null || owner.SiloId == SiloId ? null : owner.Endpoint;
    }

    public void RequestRefresh() => RefreshRequested?.Invoke();

    public IReadOnlyList<int> HeldPartitions()
    {
        var held = new List<int>();
        for (var p = 0; p < PartitionCount; p++)
        {
            if (Volatile.Read(ref _epochs[p]) > 0)
            {
                held.Add(p);
            }
        }

        return held;
    }

    public void Hold(int partition, long epoch, long servesUntil)
    {
        Volatile.Write(ref _epochs[partition], epoch);
        Volatile.Write(ref _servesUntil[partition], servesUntil);
    }

    public void Drop(int partition)
    {
        Volatile.Write(ref _servesUntil[partition], 0);
        Volatile.Write(ref _epochs[partition], 0);
    }

    /// <summary>Stops serving without giving the lease up (a hand-off in progress).</summary>
    public void StopServing(int partition) => Volatile.Write(ref _servesUntil[partition], 0);

    public bool HasExpired(int partition) => Volatile.Read(ref _epochs[partition]) > 0 && Volatile.Read(ref _servesUntil[partition]) <= _time.GetTimestamp();

    public void SetOwners(PartitionOwner?[] owners) => Volatile.Write(ref _owners, owners);

    /// <summary>Test hook: behave like a paused process that still believes it owns what it held.</summary>
    internal void Freeze(bool frozen) => _frozen = frozen;
}
