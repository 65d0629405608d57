namespace Mesh.Grains.Pools;

/// <summary>
/// ERC-4626 share conversions with a virtual offset. The previews round as the standard requires, always in the pool's
/// favour: a deposit mints shares rounded down, a mint charges assets rounded up, a withdrawal burns shares rounded up,
/// a redemption pays assets rounded down.
/// </summary>
internal static class ShareMath
{
    /// <summary>The largest virtual offset accepted (10^18 virtual shares).</summary>
    public const int MaxDecimalsOffset = 18;

    /// <summary>assets × (shares + 10^offset) / (assets + 1), rounded as asked.</summary>
    /// <param name="supply">The current supply.</param>
    /// <param name="assets">The assets to convert.</param>
    /// <param name="rounding">The rounding.</param>
    /// <returns>The shares.</returns>
    public static UInt128 ConvertToShares(in ShareSupply supply, UInt128 assets, Rounding rounding)
    {
        Validate(supply);
        return FixedPoint.ToUInt128(
            FixedPoint.MulDiv(assets, supply.VirtualShares, supply.VirtualAssets, rounding), "a share amount");
    }

    /// <summary>shares × (assets + 1) / (shares + 10^offset), rounded as asked.</summary>
    /// <param name="supply">The current supply.</param>
    /// <param name="shares">The shares to convert.</param>
    /// <param name="rounding">The rounding.</param>
    /// <returns>The assets.</returns>
    public static UInt128 ConvertToAssets(in ShareSupply supply, UInt128 shares, Rounding rounding)
    {
        Validate(supply);
        return FixedPoint.ToUInt128(
            FixedPoint.MulDiv(shares, supply.VirtualAssets, supply.VirtualShares, rounding), "an asset amount");
    }

    /// <summary>The shares a deposit of <paramref name="assets"/> mints (rounded down).</summary>
    /// <param name="supply">The current supply.</param>
    /// <param name="assets">The assets deposited.</param>
    /// <returns>The shares minted.</returns>
    public static UInt128 PreviewDeposit(in ShareSupply supply, UInt128 assets) =>
        ConvertToShares(supply, assets, Rounding.Floor);

    /// <summary>The assets that minting <paramref name="shares"/> costs (rounded up).</summary>
    /// <param name="supply">The current supply.</param>
    /// <param name="shares">The shares to mint.</param>
    /// <returns>The assets to pay.</returns>
    public static UInt128 PreviewMint(in ShareSupply supply, UInt128 shares) =>
        ConvertToAssets(supply, shares, Rounding.Ceiling);

    /// <summary>The shares that withdrawing <paramref name="assets"/> burns (rounded up).</summary>
    /// <param name="supply">The current supply.</param>
    /// <param name="assets">The assets to withdraw.</param>
    /// <returns>The shares burned.</returns>
    public static UInt128 PreviewWithdraw(in ShareSupply supply, UInt128 assets) =>
        ConvertToShares(supply, assets, Rounding.Ceiling);

    /// <summary>The assets that redeeming <paramref name="shares"/> pays (rounded down).</summary>
    /// <param name="supply">The current supply.</param>
    /// <param name="shares">The shares redeemed.</param>
    /// <returns>The assets paid.</returns>
    public static UInt128 PreviewRedeem(in ShareSupply supply, UInt128 shares) =>
        ConvertToAssets(supply, shares, Rounding.Floor);

    private static void Validate(in ShareSupply supply)
    {
        if (supply.DecimalsOffset is < 0 or > MaxDecimalsOffset)
        {
            throw new ArgumentOutOfRangeException(
                nameof(supply), supply.DecimalsOffset, $"The share decimals offset must be in [0, {MaxDecimalsOffset}].");
        }
    }
}
