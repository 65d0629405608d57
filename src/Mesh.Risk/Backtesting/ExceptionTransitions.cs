namespace Mesh.Risk.Backtesting;

/// <summary>
/// Counts of consecutive-day pairs in an exception sequence: Nij is the number of days in state j whose previous day
/// was in state i (0 = no exception, 1 = exception).
/// </summary>
/// <param name="N00">No exception followed by no exception.</param>
/// <param name="N01">No exception followed by an exception.</param>
/// <param name="N10">An exception followed by no exception.</param>
/// <param name="N11">An exception followed by an exception.</param>
public readonly record struct ExceptionTransitions(int N00, int N01, int N10, int N11)
{
    /// <summary>Counts the transitions of a sequence of exception flags, oldest first.</summary>
    /// <param name="exceptions">true where the day's loss exceeded its VaR.</param>
    /// <returns>The four transition counts (they sum to the length minus one).</returns>
    public static ExceptionTransitions Count(ReadOnlySpan<bool> exceptions)
    {
        int n00 = 0, n01 = 0, n10 = 0, n11 = 0;
        for (var t = 1; t < exceptions.Length; t++)
        {
            switch (exceptions[t - 1], exceptions[t])
            {
                case (false, false):
                    n00++;
                    break;
                case (false, true):
                    n01++;
                    break;
                case (true, false):
                    n10++;
                    break;
                default:
                    n11++;
                    break;
            }
        }

        return new ExceptionTransitions(n00, n01, n10, n11);
    }
}
