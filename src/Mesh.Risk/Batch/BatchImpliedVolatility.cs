using Mesh.Risk.Options;

namespace Mesh.Risk.Batch;

/// <summary>
/// Implied volatility over structure-of-arrays batches: the safeguarded Halley solver of <see cref="ImpliedVolatility"/>
/// run in lock step on four options per <see cref="System.Runtime.Intrinsics.Vector256{T}"/>; bound failures, invalid
/// inputs, stragglers and the last <c>Length % 4</c> options use the scalar solver. Results agree with it to about 1e-13.
/// </summary>
public static class BatchImpliedVolatility
{
    /// <summary>Solves the implied volatility of every option in <paramref name="batch"/>.</summary>
    /// <param name="type">Call or put, for the whole batch.</param>
    /// <param name="prices">Observed prices, one per option.</param>
    /// <param name="batch">The options; its <see cref="OptionBatch.Volatility"/> span is not read.</param>
    /// <param name="volatilities">Receives the volatilities (NaN where the solve failed).</param>
    /// <param name="failures">Receives the failure codes; may be empty when the caller only needs NaN markers.</param>
    /// <exception cref="ArgumentException">A span length does not match the batch.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A market input is outside its domain.</exception>
    public static void Solve(OptionType type, ReadOnlySpan<double> prices, in OptionBatch batch, Span<double> volatilities, Span<ImpliedVolFailure> failures)
    {
        var n = batch.Length;
        if (prices.Length != n || volatilities.Length < n || (!failures.IsEmpty && failures.Length < n))
        {
            throw new ArgumentException("Price, volatility and failure spans must match the batch length.");
        }

        var i = 0;
        for (; i <= n - 4; i += 4)
        {
            VectorImpliedVolatility.SolveBlock(type, prices, batch, volatilities, failures, i);
        }

        for (; i < n; i++)
        {
            var result = ImpliedVolatility.Solve(type, prices[i], batch.Spot[i], batch.Strike[i], batch.Rate[i], batch.DividendYield[i], batch.Time[i]);
            volatilities[i] = result.Volatility;
            if (!failures.IsEmpty)
            {
                failures[i] = result.Failure;
            }
        }
    }
}
