namespace Mesh.Grains.Pools;

/// <summary>Which way an integer division that does not come out even is rounded.</summary>
internal enum Rounding
{
    /// <summary>Toward zero (all values here are non-negative): the caller gets at most the exact value.</summary>
    Floor = 0,

    /// <summary>Away from zero: the caller owes at least the exact value.</summary>
    Ceiling = 1,
}
