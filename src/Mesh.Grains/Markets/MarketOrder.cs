namespace Mesh.Grains.Markets;

/// <summary>A market sell order.</summary>
/// <param name="OrderId">The caller's id (idempotency key).</param>
/// <param name="Asset">The asset sold.</param>
/// <param name="Quantity">What to sell, in base units of the asset; above zero.</param>
/// <param name="Account">Who sells (a vault key), for the venue's record.</param>
public sealed record MarketOrder(string OrderId, string Asset, UInt128 Quantity, string Account);
