namespace Mesh.Vaults;

/// <summary>
/// One position a protocol reports for a vault. Options need <see cref="Right"/>, <see cref="Strike"/> and
/// <see cref="Expiry"/> (and may give their own implied volatility; otherwise the oracle's volatility is used); perps
/// need <see cref="EntryPrice"/>. Sizes and prices are risk inputs, not money: they are decimals, never balances.
/// </summary>
/// <param name="Id">The protocol's id for the position, unique within the report.</param>
/// <param name="Kind">Option or perp.</param>
/// <param name="Underlying">The underlying asset (an oracle asset, for example <c>WETH</c>).</param>
/// <param name="Size">Size in units of the underlying (&gt; 0).</param>
/// <param name="Side">Long or short.</param>
/// <param name="Right">Call or put (options only).</param>
/// <param name="Strike">Strike in USD (options only, &gt; 0).</param>
/// <param name="Expiry">Expiry (options only, in the future).</param>
/// <param name="EntryPrice">Entry price in USD (perps only, &gt; 0).</param>
/// <param name="ImpliedVolatility">Annualized implied volatility for pricing (options, optional, in (0, 10]).</param>
[GenerateSerializer]
[Alias("mesh.vault.exposure")]
public sealed record Exposure(
    [property: Id(0)] string Id,
    [property: Id(1)] ExposureKind Kind,
    [property: Id(2)] string Underlying,
    [property: Id(3)] decimal Size,
    [property: Id(4)] PositionSide Side,
    [property: Id(5)] OptionRight? Right = null,
    [property: Id(6)] decimal? Strike = null,
    [property: Id(7)] DateTimeOffset? Expiry = null,
    [property: Id(8)] decimal? EntryPrice = null,
    [property: Id(9)] decimal? ImpliedVolatility = null);
