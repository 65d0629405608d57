namespace Mesh.Grains.Rebalancing;

/// <summary>How a request for sale capacity was decided.</summary>
internal enum SaleOutcome
{
    /// <summary>All of it fit in the room.</summary>
    Full,

    /// <summary>The room was short: part of it, at least dust, leaving at least dust.</summary>
    Partial,

    /// <summary>What would have remained was below dust, so the whole request was granted (it may exceed the room by less than dust).</summary>
    WholeByDust,

    /// <summary>No room at all, or less than dust of it (a grant would be smaller than dust).</summary>
    RefusedNoRoom,
}
