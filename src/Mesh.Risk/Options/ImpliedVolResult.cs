namespace Mesh.Risk.Options;

/// <summary>Outcome of an implied volatility solve.</summary>
/// <param name="Volatility">The annualised implied volatility, or NaN when <see cref="Failure"/> is not None.</param>
/// <param name="Failure">Why the solve failed, or <see cref="ImpliedVolFailure.None"/>.</param>
/// <param name="Iterations">Solver (Halley) iterations used.</param>
public readonly record struct ImpliedVolResult(double Volatility, ImpliedVolFailure Failure, int Iterations)
{
    /// <summary>Gets a value indicating whether the solve succeeded.</summary>
    public bool IsSuccess => Failure == ImpliedVolFailure.None;

    internal static ImpliedVolResult Fail(ImpliedVolFailure failure) => new(double.NaN, failure, 0);
}
