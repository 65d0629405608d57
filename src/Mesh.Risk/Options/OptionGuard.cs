namespace Mesh.Risk.Options;

/// <summary>Input validation shared by the option pricers.</summary>
internal static class OptionGuard
{
    internal static void Positive(double value, string name)
    {
        if (!(value > 0.0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite positive number.");
        }
    }

    internal static void NonNegative(double value, string name)
    {
        if (!(value >= 0.0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite non-negative number.");
        }
    }

    internal static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite.");
        }
    }

    internal static void Market(double spot, double strike, double rate, double dividendYield, double volatility, double time)
    {
        Positive(spot, nameof(spot));
        Positive(strike, nameof(strike));
        Finite(rate, nameof(rate));
        Finite(dividendYield, nameof(dividendYield));
        NonNegative(volatility, nameof(volatility));
        NonNegative(time, nameof(time));
    }
}
