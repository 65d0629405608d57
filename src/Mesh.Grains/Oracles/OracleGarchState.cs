namespace Mesh.Grains.Oracles;

/// <summary>A fitted GARCH(1,1) and its filtered variance, updated with every return between refits.</summary>
internal sealed class OracleGarchState
{
    /// <summary>Gets or sets ω.</summary>
    public double Omega { get; set; }

    /// <summary>Gets or sets α.</summary>
    public double Alpha { get; set; }

    /// <summary>Gets or sets β.</summary>
    public double Beta { get; set; }

    /// <summary>Gets or sets the conditional variance per interval for the next interval.</summary>
    public double Variance { get; set; }

    /// <summary>Gets or sets when the model was fitted.</summary>
    public DateTimeOffset FittedAt { get; set; }

    /// <summary>Gets or sets how many returns the fit used.</summary>
    public int FittedOn { get; set; }
}
