using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>How the rebalance coordinators size, order and time grants (settings section <c>Mesh:Rebalancing</c>).</summary>
public sealed partial class RebalancingOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string Section = "Mesh:Rebalancing";

    /// <summary>Gets or sets the policy of every market without its own (<see cref="RebalanceMarketOptions.Policy"/>).</summary>
    /// <value>The default is <see cref="RebalancePolicy.Adaptive"/>.</value>
    public RebalancePolicy Policy { get; set; } = RebalancePolicy.Adaptive;

    /// <summary>Gets or sets the vaults' allocation policy (<c>Mesh:Rebalancing:Allocation</c>, bound on its own as <see cref="Allocation.AllocationOptions"/>; here so that the silo knows its keys).</summary>
    /// <value>The default is the allocation policy's defaults.</value>
    public Allocation.AllocationOptions Allocation { get; set; } = new();

    /// <summary>Gets or sets the hedge advice (<c>Mesh:Rebalancing:Hedge</c>, bound on its own as <see cref="Hedging.HedgeOptions"/>; here so that the silo knows its keys).</summary>
    /// <value>The default is the hedge advice's defaults.</value>
    public Hedging.HedgeOptions Hedge { get; set; } = new();

    /// <summary>Gets or sets the global cap on value in flight over every market (MakerDAO's <c>Hole</c>), in integer micro-USD; null for none.</summary>
    /// <value>The default is null (no global cap).</value>
    public UInt128? GlobalCap { get; set; }

    /// <summary>Gets the settings of markets without a section of their own in <see cref="Markets"/>, and the fallback of every unset field there.</summary>
    /// <value>The default has no cap, no dust and no flow budget.</value>
    public RebalanceMarketOptions Defaults { get; init; } = new();

    /// <summary>Gets the settings per market (key: the asset symbol, or <c>ASSET-PERP</c> for the perp market short hedges go under), each field falling back to <see cref="Defaults"/>; a perp market without an entry takes its underlying's (a hole, dust and flow budget of the same size, counted apart).</summary>
    /// <value>The default is empty.</value>
    public Dictionary<string, RebalanceMarketOptions> Markets { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the bound the adaptive policy keeps the expected relative price impact of everything in flight under.</summary>
    /// <value>The default is 0.02 (2%).</value>
    public double ImpactBound { get; set; } = 0.02;

    /// <summary>
    /// Gets or sets whether the adaptive policy weighs the cost of waiting against the impact it saves
    /// (<see cref="DelayCost"/>): while the oracle's price falls, the capacity rises to what is cheaper to sell now than
    /// after the book heals, up to the static caps.
    /// </summary>
    /// <value>The default is true.</value>
    public bool CostOfDelay { get; set; } = true;

    /// <summary>
    /// Gets or sets whether the adaptive capacity and the cost of delay use the book's finite refill
    /// (<c>Markets.BookImpact</c>): the book in front of the mid holds what is revealed over one recovery time
    /// (<see cref="ImpactHalfLife"/>), the depth recent sales consumed (the venue's daily depth less its available
    /// depth) deepens the hole linearly beyond it, and the capacity shrinks to what the book refills while the hole is deep.
    /// </summary>
    /// <value>The default is false: both follow the square-root law on the venue's depth.</value>
    public bool SpeedDependentImpact { get; set; }

    /// <summary>
    /// Gets or sets whether an adaptive spot market weighs a round's spillover onto the rest of the mesh
    /// (<see cref="SpilloverGate"/>): the round is granted only when the margin its sales free (the sellers' haircut on
    /// what they sell, less its execution cost) is at least what their permanent impact marks off the mesh's other
    /// holdings of the asset (summed from the asset's revaluation partitions, as every vault answered its last
    /// price). The round is weighed on what the requests that give their haircut would sell (the vaults' own sales and
    /// shifts do); when it is held, every queued request waits, those without a haircut too. A round without such
    /// requests, or with the holdings unknown (a partition that does not answer within 5 seconds, or has not heard from
    /// every member since it was activated), is not held. Rounds below <c>q* = V·((1 − h)·(H/V)·φ·1.5·Y·σ/(h − s))²</c>
    /// are held: tiny while the mesh holds little of the market's depth, beyond what the bound allows when it holds
    /// days of it.
    /// </summary>
    /// <value>The default is true.</value>
    public bool SpilloverGate { get; set; } = true;

    /// <summary>Gets or sets the share of a sale's impact that is permanent (paid whenever the quantity is sold, so not saved by waiting).</summary>
    /// <value>The default is 2/3 (impact relaxes to about two thirds of its peak after a meta-order: Moro et al. 2009; Farmer, Gerig, Lillo and Waelbroeck 2013).</value>
    public double PermanentImpactShare { get; set; } = 2.0 / 3.0;

    /// <summary>Gets or sets the half-life of the transient impact (how fast the book refills after sales).</summary>
    /// <value>The default is 10 minutes.</value>
    public TimeSpan ImpactHalfLife { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how far back a coordinator reads the oracle's trend for the cost of delay.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan DriftWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the square-root law's coefficient <c>Y</c> used when the venue gives none.</summary>
    /// <value>The default is 1.</value>
    public double ImpactCoefficient { get; set; } = 1.0;

    /// <summary>Gets or sets how long a grant may go unused before it expires and its capacity comes back.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan GrantTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how long a request may wait in the queue before it expires.</summary>
    /// <value>The default is 15 minutes.</value>
    public TimeSpan QueueTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how long a coordinator gathers requests before deciding them together (one allocation round, one write).</summary>
    /// <value>The default is 2 milliseconds.</value>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Gets or sets whether an allocation round decides the queue as requests arrive. When false, requests only queue
    /// and are decided at an explicit <see cref="IRebalanceCoordinatorGrain.Allocate"/>, in the order of the time they
    /// arrived and then their ids (not of their calls' arrival), so that a simulation that allocates once per step
    /// repeats exactly.
    /// </summary>
    /// <value>The default is true.</value>
    public bool AllocateOnRequest { get; set; } = true;

    /// <summary>Gets or sets how often a coordinator with grants or a queue re-measures the market, expires what is due and grants the queue (a grain timer).</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the period of the durable reminder that wakes a coordinator with grants or a queue after a failover; at least Orleans' minimum reminder period.</summary>
    /// <value>The default is 1 minute.</value>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets whether the adaptive policy gives each protocol a max-min fair share of the room in each round.</summary>
    /// <value>The default is true.</value>
    public bool FairShare { get; set; } = true;

    /// <summary>Gets or sets whether the adaptive policy decides every liquidation before any deleveraging (else one order by health factor).</summary>
    /// <value>The default is true.</value>
    public bool LiquidationsFirst { get; set; } = true;

    /// <summary>Gets or sets the most requests one market keeps queued; beyond it a request is refused (<c>queue.full</c>).</summary>
    /// <value>The default is 100,000.</value>
    public int MaxQueued { get; set; } = 100_000;

    /// <summary>Gets or sets how long a finished request is remembered for retries (its id is forgotten after).</summary>
    /// <value>The default is 1 hour.</value>
    public TimeSpan RetainFinishedFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the most finished requests a market remembers; the oldest are forgotten first.</summary>
    /// <value>The default is 20,000.</value>
    public int RetainFinishedMax { get; set; } = 20_000;

    /// <summary>The settings in force for one market: its own fields (a perp market without its own entry: its underlying's), else <see cref="Defaults"/>', else the built-in defaults.</summary>
    /// <param name="market">The market's key (an asset, or <c>ASSET-PERP</c>).</param>
    /// <param name="asset">The market's asset (the perp's underlying).</param>
    /// <returns>The rules.</returns>
    internal MarketRules For(string market, string asset)
    {
        // A perp market without settings of its own follows its underlying's.
        var own = Markets.TryGetValue(market, out var o) ? o : Markets.TryGetValue(asset, out var a) ? a : null;
        var flowCapacity = own?.FlowCapacity ?? Defaults.FlowCapacity;
        var flowRefill = own?.FlowRefillPerSecond ?? Defaults.FlowRefillPerSecond;
        return new MarketRules(
            own?.Policy ?? Defaults.Policy ?? Policy,
            own?.Hole ?? Defaults.Hole ?? UInt128.MaxValue,
            own?.Dust ?? Defaults.Dust ?? UInt128.Zero,
            flowCapacity is { } c && flowRefill is { } r ? (c, r) : null,
            own?.ImpactCoefficient ?? Defaults.ImpactCoefficient ?? ImpactCoefficient,
            own?.CostOfDelay ?? Defaults.CostOfDelay ?? CostOfDelay,
            own?.SharesSpotRoom ?? Defaults.SharesSpotRoom ?? true,
            own?.ImpactHalfLife ?? Defaults.ImpactHalfLife ?? ImpactHalfLife);
    }
}
