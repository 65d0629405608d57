namespace Mesh.Risk.Binomial;

/// <summary>When an option may be exercised.</summary>
public enum ExerciseStyle
{
    /// <summary>Only at expiry.</summary>
    European,

    /// <summary>At any time up to expiry.</summary>
    American,
}
