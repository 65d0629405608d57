namespace Mesh.Grains.Pools;

/// <summary>Interest accrual.</summary>
internal sealed partial class PoolLedger
{
    /// <summary>
    /// Accrues interest to <paramref name="now"/>: the borrow index compounds at the rate the utilization at the last
    /// accrual set, every vault's debt grows with it, the growth is counted as interest charged and the reserve takes
    /// its share (rounded down; the lenders get the rest). A <paramref name="now"/> before the last accrual (a clock
    /// behind by a little after the grain moved silo) accrues nothing.
    /// </summary>
    /// <param name="now">The moment.</param>
    /// <exception cref="OverflowException">When the index or the totals would not fit; nothing is changed.</exception>
    public void Accrue(DateTimeOffset now) => Commit(PreviewAccrual(now));

    private Accrual PreviewAccrual(DateTimeOffset now)
    {
        var nowSeconds = Math.Max(now.ToUnixTimeSeconds(), State.LastAccrualUnixSeconds);
        var elapsed = nowSeconds - State.LastAccrualUnixSeconds;
        var debtBefore = TotalDebt(State.BorrowIndexRay);
        if (elapsed == 0 || State.TotalScaledDebt == UInt128.Zero)
        {
            return new Accrual(nowSeconds, State.BorrowIndexRay, debtBefore, State.InterestCharged, State.ReserveAccrued);
        }

        var rate = _curve.BorrowRateRay(Utilization(TotalFree(), debtBefore));
        var index = InterestIndex.Compound(State.BorrowIndexRay, rate, elapsed);
        var debtAfter = TotalDebt(index);
        var interest = checked(debtAfter - debtBefore);
        var reservePart = FixedPoint.RayMul(interest, _curve.ReserveFactorRay, Rounding.Floor);
        return new Accrual(
            nowSeconds,
            index,
            debtAfter,
            FixedPoint.ToUInt128((System.Numerics.BigInteger)State.InterestCharged + interest, "the interest charged"),
            FixedPoint.ToUInt128((System.Numerics.BigInteger)State.ReserveAccrued + reservePart, "the reserve accrued"));
    }

    private void Commit(in Accrual a)
    {
        State.LastAccrualUnixSeconds = a.NowSeconds;
        State.BorrowIndexRay = a.BorrowIndexRay;
        State.InterestCharged = a.InterestCharged;
        State.ReserveAccrued = a.ReserveAccrued;
    }

    /// <summary>The state's accrual fields as they would be at a moment, computed without writing.</summary>
    /// <param name="NowSeconds">The accrual time, Unix seconds.</param>
    /// <param name="BorrowIndexRay">The borrow index then.</param>
    /// <param name="TotalDebt">The credit outstanding then.</param>
    /// <param name="InterestCharged">The interest charged, ever, then.</param>
    /// <param name="ReserveAccrued">The reserve accrued, ever, then.</param>
    private readonly record struct Accrual(
        long NowSeconds, UInt128 BorrowIndexRay, UInt128 TotalDebt, UInt128 InterestCharged, UInt128 ReserveAccrued);
}
