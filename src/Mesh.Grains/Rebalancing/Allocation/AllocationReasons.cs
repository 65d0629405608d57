namespace Mesh.Grains.Rebalancing.Allocation;

/// <summary>The stable codes of <see cref="Mesh.Rebalancing.AllocationAdvice.Reason"/>.</summary>
internal static class AllocationReasons
{
    /// <summary>Sell the advised amounts.</summary>
    public const string Rebalance = "rebalance";

    /// <summary>The stable share is at or above the regime's floor.</summary>
    public const string AtOrAboveTarget = "at_or_above_target";

    /// <summary>Below the floor, but by no more than the tolerance.</summary>
    public const string WithinTolerance = "within_tolerance";

    /// <summary>The sale that would reach the floor is below the minimum change.</summary>
    public const string BelowMinimumChange = "below_minimum_change";

    /// <summary>The vault holds nothing of value.</summary>
    public const string NoCollateral = "no_collateral";

    /// <summary>An asset the vault holds has no oracle price.</summary>
    public const string NoPrice = "no_price";

    /// <summary>No stable asset with a price to sell into.</summary>
    public const string NoStableAsset = "no_stable_asset";
}
