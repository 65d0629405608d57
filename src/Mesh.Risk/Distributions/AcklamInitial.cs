namespace Mesh.Risk.Distributions;

/// <summary>Acklam's rational approximation of the inverse normal CDF (relative error about 1.15e-9).</summary>
internal static class AcklamInitial
{
    private const double PLow = 0.02425;

    /// <summary>Approximate Φ⁻¹(p) for 0 &lt; p ≤ ½.</summary>
    internal static double Lower(double p)
    {
        if (p < PLow)
        {
            var q = Math.Sqrt(-2.0 * Math.Log(p));
            var num = (((((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q) - 2.400758277161838e+00) * q)
                - 2.549732539343734e+00) * q) + 4.374664141464968e+00) * q) + 2.938163982698783e+00;
            var den = (((((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q) + 2.445134137142996e+00) * q)
                + 3.754408661907416e+00) * q) + 1.0;
            return num / den;
        }

        var u = p - 0.5;
        var r = u * u;
        var cnum = (((((((((-3.969683028665376e+01 * r) + 2.209460984245205e+02) * r) - 2.759285104469687e+02) * r)
            + 1.383577518672690e+02) * r) - 3.066479806614716e+01) * r) + 2.506628277459239e+00;
        var cden = (((((((((-5.447609879822406e+01 * r) + 1.615858368580409e+02) * r) - 1.556989798598866e+02) * r)
            + 6.680131188771972e+01) * r) - 1.328068155288572e+01) * r) + 1.0;
        return cnum * u / cden;
    }
}
