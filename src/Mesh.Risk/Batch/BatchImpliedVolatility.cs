using Mesh.Risk.Options;

namespace Mesh.Risk.Batch;

/// <summary>Implied volatility over structure-of-arrays batches (one safeguarded Newton solve per option).</summary>
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

        for (var i = 0; i < n; i++)
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
