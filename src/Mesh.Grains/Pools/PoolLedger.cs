using System.Numerics;
using Mesh.Errors;

namespace Mesh.Grains.Pools;

/// <summary>
/// The exact accounting of one collateral pool over a <see cref="PoolState"/> that the grain persists. Every
/// operation accrues interest up to <c>now</c>, validates, and then either applies in full or throws a
/// <see cref="MeshException"/> (or an <see cref="OverflowException"/>) having changed nothing: all checks run on
/// computed values before the first write. Not thread-safe; a grain turn is.
/// </summary>
internal sealed partial class PoolLedger
{
    private readonly InterestRateCurve _curve;

    /// <summary>
    /// The credit outstanding at the indexes asked for lately, for the vaults' scaled debts as they stand: every
    /// operation previews its accrual (the sum at the last index and at now's) and views the pool, each a pass over
    /// every vault. When a vault's scaled debt changes, every sum kept moves by that vault's change at its index
    /// (<see cref="DebtsChanged"/>), so an operation does not pass over every vault again; a ledger rebuilt from restored
    /// state starts empty. <see cref="CheckInvariants"/> sums the debts itself and compares, so a stale entry shows there.
    /// </summary>
    private readonly Dictionary<UInt128, UInt128> _totalDebt = [];

    /// <summary>Wraps a state (new or loaded) with the pool's rate curve.</summary>
    /// <param name="state">The state the ledger reads and writes.</param>
    /// <param name="curve">The borrow-rate curve.</param>
    public PoolLedger(PoolState state, InterestRateCurve curve)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(curve);
        if (state.ShareDecimalsOffset is < 0 or > ShareMath.MaxDecimalsOffset)
        {
            throw new ArgumentOutOfRangeException(
                nameof(state), state.ShareDecimalsOffset, $"ShareDecimalsOffset must be in [0, {ShareMath.MaxDecimalsOffset}].");
        }

        State = state;
        _curve = curve;
    }

    /// <summary>The state, for the grain to persist after each operation.</summary>
    public PoolState State { get; }

    /// <summary>A new, empty pool state.</summary>
    /// <param name="now">The creation time; interest accrues from it.</param>
    /// <param name="caps">The credit limits, validated; the defaults when null.</param>
    /// <param name="shareDecimalsOffset">The virtual share offset, in [0, 18].</param>
    /// <returns>The state.</returns>
    public static PoolState NewState(DateTimeOffset now, PoolCaps? caps = null, int shareDecimalsOffset = 6)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shareDecimalsOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shareDecimalsOffset, ShareMath.MaxDecimalsOffset);
        caps ??= new PoolCaps();
        caps.Validate();
        return new PoolState
        {
            ShareDecimalsOffset = shareDecimalsOffset,
            LastAccrualUnixSeconds = now.ToUnixTimeSeconds(),
            Caps = caps,
        };
    }

    /// <summary>Replaces the credit limits. Tighter caps refuse new draws; they do not recall by themselves.</summary>
    /// <param name="caps">The new caps.</param>
    public void SetCaps(PoolCaps caps)
    {
        ArgumentNullException.ThrowIfNull(caps);
        caps.Validate();
        State.Caps = caps;
    }

    /// <summary>The pool's numbers with interest accrued to <paramref name="now"/>, without changing the state.</summary>
    /// <param name="now">The moment.</param>
    /// <returns>The view.</returns>
    public PoolView View(DateTimeOffset now)
    {
        var a = PreviewAccrual(now);
        var free = TotalFree();
        var reserve = checked(a.ReserveAccrued - State.ReserveWithdrawn);
        var utilization = Utilization(free, a.TotalDebt);
        return new PoolView(
            free,
            a.TotalDebt,
            LenderAssets(free, a.TotalDebt, reserve),
            reserve,
            State.TotalShares,
            utilization,
            _curve.BorrowRateRay(utilization),
            _curve.LiquidityRateRay(utilization),
            a.BorrowIndexRay);
    }

    /// <summary>A vault's debt with interest accrued to <paramref name="now"/>; zero for an unknown vault.</summary>
    /// <param name="vaultId">The vault.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The debt, rounded up.</returns>
    public UInt128 DebtOf(string vaultId, DateTimeOffset now) =>
        State.Vaults.TryGetValue(vaultId, out var v) ? Debt(v.ScaledDebt, PreviewAccrual(now).BorrowIndexRay) : UInt128.Zero;

    /// <summary>What a holder's shares would redeem for at <paramref name="now"/>, rounded down; zero for an unknown holder.</summary>
    /// <param name="holderId">The liquidity provider.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The assets.</returns>
    public UInt128 AssetsOf(string holderId, DateTimeOffset now) =>
        State.Holders.TryGetValue(holderId, out var shares)
            ? ShareMath.PreviewRedeem(Supply(PreviewAccrual(now)), shares)
            : UInt128.Zero;

    /// <summary>The shares a holder has.</summary>
    /// <param name="holderId">The liquidity provider.</param>
    /// <returns>The shares, zero for an unknown holder.</returns>
    public UInt128 SharesOf(string holderId) =>
        State.Holders.TryGetValue(holderId, out var shares) ? shares : UInt128.Zero;

    private static UInt128 Debt(UInt128 scaled, UInt128 indexRay) => FixedPoint.RayMul(scaled, indexRay, Rounding.Ceiling);

    private static UInt128 LenderAssets(UInt128 free, UInt128 debt, UInt128 reserve) =>
        FixedPoint.ToUInt128((BigInteger)free + debt - reserve, "the lenders' assets");

    private static UInt128 Utilization(UInt128 free, UInt128 debt) =>
        debt == UInt128.Zero
            ? UInt128.Zero
            : FixedPoint.ToUInt128(FixedPoint.MulDiv(debt, FixedPoint.Ray, (BigInteger)free + debt, Rounding.Ceiling), "the utilization");

    private UInt128 TotalFree()
    {
        BigInteger sum = BigInteger.Zero;
        foreach (var chain in State.Chains.Values)
        {
            sum += chain.Free;
        }

        return FixedPoint.ToUInt128(sum, "the free liquidity");
    }

    private UInt128 TotalDebt(UInt128 indexRay)
    {
        if (_totalDebt.TryGetValue(indexRay, out var known))
        {
            return known;
        }

        BigInteger sum = BigInteger.Zero;
        foreach (var vault in State.Vaults.Values)
        {
            sum += Debt(vault.ScaledDebt, indexRay);
        }

        var total = FixedPoint.ToUInt128(sum, "the credit outstanding");
        if (_totalDebt.Count >= 4)
        {
            _totalDebt.Clear(); // the index moves on: only the last few are asked for again
        }

        _totalDebt[indexRay] = total;
        return total;
    }

    /// <summary>Moves the sums of <see cref="TotalDebt"/> by a vault's change of scaled debt, each at its own index.</summary>
    /// <param name="oldScaled">The vault's scaled debt before (zero for a new vault).</param>
    /// <param name="newScaled">After (zero for a vault that repaid in full).</param>
    private void DebtsChanged(UInt128 oldScaled, UInt128 newScaled)
    {
        foreach (var index in _totalDebt.Keys.ToList())
        {
            _totalDebt[index] = FixedPoint.ToUInt128((BigInteger)_totalDebt[index] - Debt(oldScaled, index) + Debt(newScaled, index), "the credit outstanding");
        }
    }

    private ShareSupply Supply(in Accrual a)
    {
        var free = TotalFree();
        return new ShareSupply(LenderAssets(free, a.TotalDebt, checked(a.ReserveAccrued - State.ReserveWithdrawn)), State.TotalShares, State.ShareDecimalsOffset);
    }

    private static void RequireId(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw MeshException.Invalid(field, PoolErrorCodes.IdRequired, $"{field} is required.");
        }
    }

    private static void RequirePositive(UInt128 amount, string field)
    {
        if (amount == UInt128.Zero)
        {
            throw MeshException.Invalid(field, PoolErrorCodes.AmountZero, $"{field} must be greater than zero.");
        }
    }

    private static UInt128 Add(UInt128 a, UInt128 b, string field)
    {
        if (UInt128.MaxValue - a < b)
        {
            throw MeshException.Invalid(
                field, PoolErrorCodes.AmountTooLarge, $"{field} {b} would overflow the pool's accounting ({a} already counted).");
        }

        return a + b;
    }

    private ChainLiquidity RequireChain(string chain)
    {
        if (!State.Chains.TryGetValue(chain, out var liquidity))
        {
            throw new MeshException(MeshErrorKind.NotFound, PoolErrorCodes.UnknownChain, $"The pool has no liquidity on chain '{chain}'.", "chain");
        }

        return liquidity;
    }

    private static void RequireFree(ChainLiquidity liquidity, string chain, UInt128 amount)
    {
        if (liquidity.Free < amount)
        {
            throw new MeshException(
                MeshErrorKind.Refused,
                PoolErrorCodes.InsufficientLiquidity,
                $"Chain '{chain}' has {liquidity.Free} free, less than the {amount} asked for.",
                "amount");
        }
    }
}
