using System.Globalization;
using Mesh.Oracles;

namespace Mesh.Grains.Rebalancing.Allocation;

/// <summary>
/// The allocation policy (settings under <c>Mesh:Rebalancing:Allocation</c>): the least share of a vault's collateral
/// value in stable assets per volatility regime, and the damping that keeps it from thrashing (a tolerance below the
/// floor and a minimum sale), as Yearn's debt allocator damps its moves.
/// </summary>
public sealed class AllocationOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Mesh:Rebalancing:Allocation";

    /// <summary>The stable assets when <see cref="StableAssets"/> lists none.</summary>
    public static readonly IReadOnlyList<string> DefaultStableAssets = ["USDC", "USDT", "DAI"];

    /// <summary>
    /// Gets or sets the assets that count as stable (USD-pegged), in order of preference for buying. Empty means
    /// <see cref="DefaultStableAssets"/> (a configured list replaces them: the configuration binder appends to a
    /// list, so the defaults are not in it).
    /// </summary>
    /// <value>The default is empty: USDC, USDT, DAI.</value>
    public IList<string> StableAssets { get; set; } = [];

    /// <summary>Gets the stable assets in effect, in order of preference.</summary>
    public IReadOnlyList<string> Stables => StableAssets.Count > 0 ? [.. StableAssets] : DefaultStableAssets;

    /// <summary>Gets or sets the least stable share of collateral value while the regime is calm.</summary>
    /// <value>The default is 0.20.</value>
    public double CalmMinStableWeight { get; set; } = 0.20;

    /// <summary>Gets or sets the least stable share while the regime is elevated.</summary>
    /// <value>The default is 0.40.</value>
    public double ElevatedMinStableWeight { get; set; } = 0.40;

    /// <summary>Gets or sets the least stable share while the regime is stressed (or the oracle's breaker is open).</summary>
    /// <value>The default is 0.60.</value>
    public double StressedMinStableWeight { get; set; } = 0.60;

    /// <summary>
    /// Gets or sets how far below its floor the stable share may drift before the policy advises selling (back to the
    /// floor), so that price noise around the floor does not make it trade every tick.
    /// </summary>
    /// <value>The default is 0.05 (five percentage points).</value>
    public double Tolerance { get; set; } = 0.05;

    /// <summary>Gets or sets the smallest sale worth advising, USD; a smaller one is left for later.</summary>
    /// <value>The default is 1,000 USD.</value>
    public double MinimumChangeUsd { get; set; } = 1_000;

    /// <summary>The floor of a regime.</summary>
    /// <param name="regime">The regime.</param>
    /// <returns>The least stable share.</returns>
    public double MinStableWeight(MarketRegime regime) => regime switch
    {
        MarketRegime.Stressed => StressedMinStableWeight,
        MarketRegime.Elevated => ElevatedMinStableWeight,
        _ => CalmMinStableWeight,
    };

    /// <summary>Whether an asset is stable.</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>True when it is in <see cref="Stables"/>.</returns>
    public bool IsStable(string asset) => Stables.Contains(asset, StringComparer.Ordinal);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (StableAssets is null || StableAssets.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{Section}:StableAssets must not list an empty name.");
        }

        if (StableAssets.Distinct(StringComparer.Ordinal).Count() != StableAssets.Count)
        {
            throw new ArgumentException($"{Section}:StableAssets lists an asset twice.");
        }

        foreach (var (name, weight) in new[] { ("CalmMinStableWeight", CalmMinStableWeight), ("ElevatedMinStableWeight", ElevatedMinStableWeight), ("StressedMinStableWeight", StressedMinStableWeight) })
        {
            if (!(weight is >= 0.0 and <= 1.0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Section}:{name} must be in [0, 1]; it is {weight}."));
            }
        }

        if (!(CalmMinStableWeight <= ElevatedMinStableWeight && ElevatedMinStableWeight <= StressedMinStableWeight))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Section}:CalmMinStableWeight <= ElevatedMinStableWeight <= StressedMinStableWeight is needed (a riskier regime never asks for less stable collateral); they are {CalmMinStableWeight}, {ElevatedMinStableWeight} and {StressedMinStableWeight}."));
        }

        if (!(Tolerance is >= 0.0 and < 1.0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Section}:Tolerance must be in [0, 1); it is {Tolerance}."));
        }

        if (!(MinimumChangeUsd >= 0.0) || !double.IsFinite(MinimumChangeUsd))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Section}:MinimumChangeUsd must be a finite number >= 0; it is {MinimumChangeUsd}."));
        }
    }
}
