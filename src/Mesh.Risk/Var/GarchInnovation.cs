namespace Mesh.Risk.Var;

/// <summary>The distribution of GARCH-standardized returns z = r/σ that a GARCH VaR model assumes.</summary>
internal enum GarchInnovation
{
    /// <summary>Standard normal.</summary>
    Normal,

    /// <summary>Unit-variance Student t with degrees of freedom fitted by maximum likelihood.</summary>
    StudentT,

    /// <summary>The empirical distribution of the window's standardized residuals (filtered historical simulation).</summary>
    Empirical,
}
