namespace Mesh.Runtime.Cluster;

/// <summary>
/// Highest-random-weight (rendezvous) assignment of partitions to silos: each partition goes to the silo with the
/// highest hash of (partition, silo). Adding or removing one of N silos moves only about 1/N of the partitions.
/// </summary>
internal static class Rendezvous
{
    public static string? Owner(int partition, IReadOnlyList<string> silos)
    {
        string? best = null;
        ulong bestScore = 0;
        foreach (var silo in silos)
        {
            var score = new GrainId(silo, partition.ToString(System.Globalization.CultureInfo.InvariantCulture)).StableHash();
            if (best is null || score > bestScore || (score == bestScore && string.CompareOrdinal(silo, best) > 0))
            {
                best = silo;
                bestScore = score;
            }
        }

        return best;
    }

    public static HashSet<int> PartitionsOf(string silo, IReadOnlyList<string> silos, int partitionCount)
    {
        var owned = new HashSet<int>();
        for (var p = 0; p < partitionCount; p++)
        {
            if (Owner(p, silos) == silo)
            {
                owned.Add(p);
            }
        }

        return owned;
    }
}
