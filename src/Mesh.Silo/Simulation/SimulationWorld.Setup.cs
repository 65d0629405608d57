using Mesh.Oracles;
using Mesh.Pools;
using Mesh.Protocols;
using Mesh.Vaults;

namespace Mesh.Silo.Simulation;

/// <summary>Builds a world's starting state through the grains' own operations, as protocols would.</summary>
internal sealed partial class SimulationWorld
{
    private static readonly UInt128 WethUnit = 1_000_000_000_000_000_000UL;
    private static readonly UInt128 UsdcUnit = 1_000_000;

    /// <summary>How far the clock moves after chain deposits so that they are final (well over two blocks).</summary>
    private static readonly TimeSpan FinalityWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gives the oracles a calm history (one observation a minute for <paramref name="history"/> before the start, a
    /// seeded walk at about 50% a year) so that EWMA and GARCH are fitted when the scenario begins; no vault is
    /// registered yet, so these rounds revalue nothing.
    /// </summary>
    public async Task WarmUpAsync(decimal startPrice, TimeSpan history, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var begin = Clock.GetUtcNow();
        var steps = (int)history.TotalMinutes;
        var prices = new decimal[steps + 1];
        prices[steps] = startPrice;
        var perMinute = 0.5 / Math.Sqrt(365 * 24 * 60);
        for (var i = steps - 1; i >= 0; i--)
        {
            prices[i] = decimal.Round(prices[i + 1] * (decimal)Math.Exp(-perMinute * Gaussian(random)), 6);
        }

        for (var i = 0; i <= steps; i++)
        {
            Clock.MoveTo(begin + TimeSpan.FromMinutes(i));
            await Grains.GetGrain<IOracleGrain>(Asset).Observe(new PriceObservation(Source, prices[i], Clock.GetUtcNow()), cancellationToken);
            await Grains.GetGrain<IOracleGrain>(Quote).Observe(new PriceObservation(Source, 1m, Clock.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>The protocols join on every chain and a lender fills the USDC pool.</summary>
    public async Task JoinAsync(IReadOnlyList<string> protocols, UInt128 poolUsdc, CancellationToken cancellationToken)
    {
        for (var i = 0; i < protocols.Count; i++)
        {
            await Grains.GetGrain<IProtocolGrain>(protocols[i]).Join(new JoinRequest($"Simulated protocol {protocols[i]}", Chains, "risk@simulation.example", RiskTier.Conservative, Account(i)), cancellationToken);
        }

        await Grains.GetGrain<ICollateralPoolGrain>(Quote).SetLimits(OpenLimits, "simulation", cancellationToken);
        // Pool liquidity is per chain: the lender supplies on each.
        const string lender = "lender";
        var account = Account(protocols.Count);
        await Grains.GetGrain<IProtocolGrain>(lender).Join(new JoinRequest("Simulated lender", Chains, "risk@simulation.example", RiskTier.Conservative, account), cancellationToken);
        foreach (var chain in Chains)
        {
            Chain(chain).Fund(account, Quote, poolUsdc);
            var vault = Grains.GetGrain<IVaultGrain>(new VaultKey(lender, chain).ToString());
            var deposit = new VaultMovement($"fund-{chain}", Quote, poolUsdc);
            await vault.Deposit(deposit, cancellationToken);
            Clock.Advance(FinalityWait);
            await SettledAsync(vault, deposit, cancellationToken);
            Require(await vault.Supply(new VaultMovement($"supply-{chain}", Quote, poolUsdc), cancellationToken), $"the lender's supply on {chain}");
        }
    }

    /// <summary>Opens every vault: collateral deposited through its chain and final, exposures reported, credit drawn to its target health, rebalancing on.</summary>
    public async Task OpenVaultsAsync(IReadOnlyList<VaultSeed> seeds, IReadOnlyList<string> protocols, decimal price, Action<int>? progress, CancellationToken cancellationToken)
    {
        var expiry = Clock.GetUtcNow().Date.AddDays(14);
        await ForEachAsync(seeds, async (seed, ct) =>
        {
            Chain(seed.Chain).Fund(Account(seed.Index % protocols.Count), Asset, Collateral(seed).Amount);
            await Grains.GetGrain<IVaultGrain>(seed.Key).Deposit(Collateral(seed), ct);
        }, cancellationToken);

        // The deposits are final two blocks later. The clock then stays put until every vault is open, so that credit
        // and exposures start at the same moment in every run.
        Clock.Advance(FinalityWait);
        var opened = 0;
        await ForEachAsync(seeds, async (seed, ct) =>
        {
            var vault = Grains.GetGrain<IVaultGrain>(seed.Key);
            await SettledAsync(vault, Collateral(seed), ct);
            var health = await vault.ReportExposures(
                [
                    new Exposure("put", ExposureKind.Option, Asset, seed.PutContracts, PositionSide.Short, OptionRight.Put, decimal.Round(price * 0.85m), new DateTimeOffset(expiry, TimeSpan.Zero), ImpliedVolatility: 0.7m),
                    new Exposure("perp", ExposureKind.Perp, Asset, seed.PerpSize, PositionSide.Long, EntryPrice: price),
                ], ct);
            var debtUsd = (health.CollateralValueAfterHaircuts / seed.TargetHealth) - health.Obligations;
            if (debtUsd >= 1)
            {
                // The protocol draws the credit and puts it to work (here: lent back to the pool, whose shares are not
                // collateral), as a borrower does: the vault is left with its WETH against the debt. (Pool credit is a
                // book entry; it cannot leave through the chain, whose vault contract holds the lenders' USDC.)
                var draw = (UInt128)(ulong)Math.Floor(debtUsd) * UsdcUnit;
                Require(await vault.Draw(new VaultMovement($"credit-{seed.Index}", Quote, draw), ct), $"{seed.Key}'s draw");
                Require(await vault.Supply(new VaultMovement($"use-{seed.Index}", Quote, draw), ct), $"{seed.Key}'s use of its credit");
            }

            var n = Interlocked.Increment(ref opened);
            if (n % 250 == 0)
            {
                progress?.Invoke(n);
            }
        }, cancellationToken);

        await ForEachAsync(seeds, async (seed, ct) =>
        {
            var vault = Grains.GetGrain<IVaultGrain>(seed.Key);
            await vault.ConfigureRebalancing(new RebalanceSettings(AutoSell: true, Predictive: Policy.Predictive, Hedge: Policy.Hedge, TopUps: Policy.TopUps), ct);
        }, cancellationToken);
    }

    public static string Account(int protocol) => $"0x{0x5100 + protocol:x40}";

    /// <summary>A vault's collateral deposit: its seed's WETH, to the thousandth.</summary>
    private static VaultMovement Collateral(VaultSeed seed) => new("collateral", Asset, (UInt128)(ulong)(seed.Weth * 1_000m) * (WethUnit / 1_000));

    private static void Require(OperationReceipt receipt, string what)
    {
        if (receipt.Status != OperationStatus.Completed)
        {
            throw new InvalidOperationException($"Setting up the simulation, {what} did not complete: {receipt.Status} {receipt.Reason}.");
        }
    }

    /// <summary>
    /// Drives a deposit until it is final: the vault's own retry of a movement in flight asks its chain at once, instead
    /// of waiting for the vault's poll (once a block time, on the machine's timer).
    /// </summary>
    private static async Task SettledAsync(IVaultGrain vault, VaultMovement deposit, CancellationToken cancellationToken)
    {
        // A wall-clock bound: the chains' blocks follow the simulation clock, which the setup has moved past finality.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var receipt = await vault.Deposit(deposit, cancellationToken);
        while (receipt.Status == OperationStatus.Pending)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"Setting up the simulation, deposit {deposit.OperationId} stayed pending for 2 minutes.");
            }

            await Task.Delay(20, cancellationToken);
            receipt = await vault.Deposit(deposit, cancellationToken);
        }

        Require(receipt, $"deposit {deposit.OperationId}");
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
