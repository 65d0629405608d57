namespace Mesh.Grains.Rebalancing;

/// <summary>What the sale caps allow of one request.</summary>
/// <param name="Granted">The value that may go under sale now; zero when refused.</param>
/// <param name="Outcome">Why this much.</param>
internal readonly record struct SaleDecision(UInt128 Granted, SaleOutcome Outcome)
{
    /// <summary>Gets whether anything was granted.</summary>
    public bool IsGranted => Granted > UInt128.Zero;
}
