namespace Mesh.Chains.Configuration.Schema;

/// <summary>Orders document locations as they appear in the file: a parent before its children, siblings by position.</summary>
internal sealed class LocationOrder : IComparer<IReadOnlyList<int>>
{
    public static LocationOrder Instance { get; } = new();

    public int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var step = x[i].CompareTo(y[i]);
            if (step != 0)
            {
                return step;
            }
        }

        return x.Count.CompareTo(y.Count);
    }
}
