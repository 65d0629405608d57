using Mesh.Errors;

namespace Mesh.Grains.Pools;

/// <summary>Deposits, withdrawals, moves between chains and the reserve.</summary>
internal sealed partial class PoolLedger
{
    /// <summary>Deposits assets on a chain for a liquidity provider, minting shares at the current price, rounded down.</summary>
    /// <param name="holderId">The liquidity provider (a protocol id).</param>
    /// <param name="chain">The chain the assets arrived on.</param>
    /// <param name="assets">The base units deposited.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The shares minted, at least one.</returns>
    public UInt128 Deposit(string holderId, string chain, UInt128 assets, DateTimeOffset now)
    {
        RequireId(holderId, "holderId");
        RequireId(chain, "chain");
        RequirePositive(assets, "amount");
        var a = PreviewAccrual(now);
        var shares = ShareMath.PreviewDeposit(Supply(a), assets);
        if (shares == UInt128.Zero)
        {
            throw new MeshException(
                MeshErrorKind.Refused, PoolErrorCodes.DepositTooSmall, $"A deposit of {assets} is too small to mint a share.", "amount");
        }

        var liquidity = State.Chains.GetValueOrDefault(chain) ?? new ChainLiquidity();
        var free = Add(liquidity.Free, assets, "amount");
        var deposited = Add(liquidity.Deposited, assets, "amount");
        _ = Add(TotalFree(), assets, "amount");
        var totalShares = Add(State.TotalShares, shares, "amount");

        Commit(a);
        liquidity.Free = free;
        liquidity.Deposited = deposited;
        State.Chains[chain] = liquidity;
        State.TotalShares = totalShares;
        State.Holders[holderId] = SharesOf(holderId) + shares;
        return shares;
    }

    /// <summary>Withdraws exactly <paramref name="assets"/> on a chain, burning shares rounded up.</summary>
    /// <param name="holderId">The liquidity provider.</param>
    /// <param name="chain">The chain to pay on.</param>
    /// <param name="assets">The base units to pay.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The shares burned.</returns>
    public UInt128 Withdraw(string holderId, string chain, UInt128 assets, DateTimeOffset now)
    {
        RequireId(holderId, "holderId");
        RequireId(chain, "chain");
        RequirePositive(assets, "amount");
        var held = RequireHolder(holderId);
        var liquidity = RequireChain(chain);
        var a = PreviewAccrual(now);
        var shares = ShareMath.PreviewWithdraw(Supply(a), assets);
        RequireShares(holderId, held, shares);
        RequireFree(liquidity, chain, assets);
        var withdrawn = Add(liquidity.Withdrawn, assets, "amount");

        Commit(a);
        PayOut(holderId, held, shares, liquidity, assets, withdrawn);
        return shares;
    }

    /// <summary>Redeems exactly <paramref name="shares"/>, paying assets rounded down on a chain.</summary>
    /// <param name="holderId">The liquidity provider.</param>
    /// <param name="chain">The chain to pay on.</param>
    /// <param name="shares">The shares to burn.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The base units paid, at least one.</returns>
    public UInt128 Redeem(string holderId, string chain, UInt128 shares, DateTimeOffset now)
    {
        RequireId(holderId, "holderId");
        RequireId(chain, "chain");
        RequirePositive(shares, "shares");
        var held = RequireHolder(holderId);
        var liquidity = RequireChain(chain);
        RequireShares(holderId, held, shares);
        var a = PreviewAccrual(now);
        var assets = ShareMath.PreviewRedeem(Supply(a), shares);
        if (assets == UInt128.Zero)
        {
            throw new MeshException(
                MeshErrorKind.Refused, PoolErrorCodes.RedeemTooSmall, $"Redeeming {shares} shares would pay nothing.", "shares");
        }

        RequireFree(liquidity, chain, assets);
        var withdrawn = Add(liquidity.Withdrawn, assets, "amount");

        Commit(a);
        PayOut(holderId, held, shares, liquidity, assets, withdrawn);
        return assets;
    }

    /// <summary>Moves free liquidity from one chain to another (after the bridge has delivered it).</summary>
    /// <param name="fromChain">The chain the liquidity leaves.</param>
    /// <param name="toChain">The chain it arrives on.</param>
    /// <param name="amount">The base units moved.</param>
    public void MoveLiquidity(string fromChain, string toChain, UInt128 amount)
    {
        RequireId(fromChain, "fromChain");
        RequireId(toChain, "toChain");
        RequirePositive(amount, "amount");
        if (string.Equals(fromChain, toChain, StringComparison.Ordinal))
        {
            throw MeshException.Invalid("toChain", PoolErrorCodes.SameChain, $"A move needs two chains; both are '{fromChain}'.");
        }

        var source = RequireChain(fromChain);
        RequireFree(source, fromChain, amount);
        var target = State.Chains.GetValueOrDefault(toChain) ?? new ChainLiquidity();
        var movedOut = Add(source.MovedOut, amount, "amount");
        var targetFree = Add(target.Free, amount, "amount");
        var movedIn = Add(target.MovedIn, amount, "amount");

        source.Free -= amount;
        source.MovedOut = movedOut;
        target.Free = targetFree;
        target.MovedIn = movedIn;
        State.Chains[toChain] = target;
    }

    /// <summary>Pays part of the protocol reserve out on a chain.</summary>
    /// <param name="chain">The chain to pay on.</param>
    /// <param name="amount">The base units.</param>
    /// <param name="now">The moment.</param>
    public void WithdrawReserve(string chain, UInt128 amount, DateTimeOffset now)
    {
        RequireId(chain, "chain");
        RequirePositive(amount, "amount");
        var liquidity = RequireChain(chain);
        var a = PreviewAccrual(now);
        var reserve = checked(a.ReserveAccrued - State.ReserveWithdrawn);
        if (reserve < amount)
        {
            throw new MeshException(
                MeshErrorKind.Refused, PoolErrorCodes.InsufficientReserve, $"The reserve holds {reserve}, less than the {amount} asked for.", "amount");
        }

        RequireFree(liquidity, chain, amount);

        Commit(a);
        liquidity.Free -= amount;
        liquidity.ReserveWithdrawn += amount;
        State.ReserveWithdrawn += amount;
    }

    private void PayOut(string holderId, UInt128 held, UInt128 shares, ChainLiquidity liquidity, UInt128 assets, UInt128 withdrawn)
    {
        if (held == shares)
        {
            State.Holders.Remove(holderId);
        }
        else
        {
            State.Holders[holderId] = held - shares;
        }

        State.TotalShares -= shares;
        liquidity.Free -= assets;
        liquidity.Withdrawn = withdrawn;
    }

    private UInt128 RequireHolder(string holderId)
    {
        if (!State.Holders.TryGetValue(holderId, out var held))
        {
            throw new MeshException(MeshErrorKind.NotFound, PoolErrorCodes.UnknownHolder, $"'{holderId}' holds no shares of the pool.", "holderId");
        }

        return held;
    }

    private static void RequireShares(string holderId, UInt128 held, UInt128 shares)
    {
        if (held < shares)
        {
            throw new MeshException(
                MeshErrorKind.Refused,
                PoolErrorCodes.InsufficientShares,
                $"'{holderId}' holds {held} shares, fewer than the {shares} needed.",
                "amount");
        }
    }
}
