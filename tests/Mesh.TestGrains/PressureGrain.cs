using Orleans.Placement;
using Orleans.Runtime;

namespace Mesh.TestGrains;

/// <summary>
/// Placed on the silo whose gateway first calls it, so that a soak test puts pressure on the silo it chooses. The
/// retained heap is chunks of 1,024 references to 40-byte arrays (about 72 KB a chunk): a full collection has to
/// mark and move every one of them.
/// </summary>
[PreferLocalPlacement]
public sealed class PressureGrain(ILocalSiloDetails silo) : Grain, IPressureGrain
{
    private const int ChunkLength = 1024;
    private const int ChunkBytes = 72 * 1024;
    private const int GarbageObjectBytes = 64;
    private readonly List<object[]> _retained = [];
    private readonly object[] _recent = new object[16 * 1024];
    private int _next;

    public Task<TimeSpan> Churn(int retainedMegabytes, int garbageMegabytes, bool fullBlockingCollection)
    {
        var pausedBefore = GC.GetTotalPauseDuration();
        var chunks = (long)retainedMegabytes * 1024 * 1024 / ChunkBytes;
        while (_retained.Count < chunks)
        {
            var chunk = new object[ChunkLength];
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = new byte[40];
            }

            _retained.Add(chunk);
        }

        // Short-lived garbage, a little of which lives on in a ring long enough to be promoted.
        var garbage = (long)garbageMegabytes * 1024 * 1024 / GarbageObjectBytes;
        for (long i = 0; i < garbage; i++)
        {
            var item = new byte[GarbageObjectBytes - 24];
            if (i % 64 == 0)
            {
                _recent[_next] = item;
                _next = (_next + 1) % _recent.Length;
            }
        }

        if (fullBlockingCollection)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        return Task.FromResult(GC.GetTotalPauseDuration() - pausedBefore);
    }

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
