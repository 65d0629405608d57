using BenchmarkDotNet.Attributes;
using Mesh.Vaults;

namespace Mesh.Benchmarks;

/// <summary>
/// One oracle tick revalues 10,000 vaults with five option and perp exposures each (target: every health factor
/// updated within 250 ms, one Arbitrum block). One in-process silo (the production wiring, SQLite storage, so the
/// rebalance needs a tick changes are durable writes); the book is <see cref="RevaluationBook"/>: 10,000 protocols
/// joined (admitted automatically), a vault each with three WETH options and two WETH perps, and WETH collateral
/// deposited through the simulated chain. The book is built once and shared by both cases (<see cref="RevaluationMarket"/>).
/// </summary>
/// <remarks>
/// <para>The measured operation is one oracle round that moves the price: one source's observation that moves the
/// median of the three by <see cref="MoveBasisPoints"/> (alternately up and down; below the outlier filter's 0.5%),
/// then until every vault has revalued at it. The oracle publishes a round to the asset's 16 revaluation partitions
/// without awaiting them, so the benchmark then publishes the same snapshot to the same 16 partitions itself and
/// awaits them (exactly the oracle's calls): a partition is not reentrant and takes its messages in order, so each
/// answers after the oracle's publish of that round has run <c>OnPrice</c> on every member and each has finished its
/// revaluation (a partition answers a round it has already published without calling its vaults again). The call
/// checks that the aggregate moved and that the partitions hold all 10,000 vaults.</para>
/// <para>Every observation is a new round that every vault revalues, so the two other sources' observations of an
/// iteration (which keep them fresh and set up the next move) run, and are awaited, in the untimed iteration setup.
/// Global setup checks, untimed, that a whole move reaches every vault (its health then shows the new price) and
/// changes its health factor, and counts the vaults whose rebalance need changes direction (each writes its state
/// during the tick).</para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(RevaluationConfig))]
[RevaluationJob]
[IterationCount(20)]
public class RevaluationBenchmarks
{
    public const int Vaults = 10_000;
    private const decimal BasePrice = 2_000m;
    private static readonly int[] Moves = [5, 40];
    private static int _casesStarted;
    private RevaluationMarket _market = null!;
    private decimal _next;

    /// <summary>Gets or sets the size of the measured move in basis points: 5 (a usual block) or 40 (a sharp one).</summary>
    [ParamsSource(nameof(MoveSizes))]
    public int MoveBasisPoints { get; set; }

    public static IEnumerable<int> MoveSizes => Moves;

    [GlobalSetup]
    public void Setup() => SetupAsync(CancellationToken.None).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _market = null!;
        RevaluationMarket.ReleaseAsync(Moves.Length - _casesStarted).GetAwaiter().GetResult();
    }

    /// <summary>Brings the third source to the current price and the first to the next one (two awaited rounds).</summary>
    [IterationSetup]
    public void NextMove()
    {
        var oracle = _market.Oracle;
        _next = Other(_market.Price);
        oracle.ObserveAsync(2, _market.Price).GetAwaiter().GetResult();
        var snapshot = oracle.ObserveAsync(0, _next).GetAwaiter().GetResult();
        oracle.AwaitFanOutAsync(snapshot).GetAwaiter().GetResult();
    }

    /// <summary>The second source moves the median: a new round at a new price, until all 10,000 vaults have revalued.</summary>
    [Benchmark]
    public async Task<int> OracleTickRevaluesAllVaults()
    {
        // CPU time inside the measured call only: BenchmarkDotNet's forced collections between iterations stay out.
        var cpu = RevaluationCpuColumn.Start();
        var snapshot = await _market.Oracle.ObserveAsync(1, _next);
        if (snapshot.Price != _next || !snapshot.Fresh)
        {
            throw new InvalidOperationException($"The oracle's aggregate is {snapshot.Price} (fresh: {snapshot.Fresh}), not the observed {_next}.");
        }

        var revalued = await _market.Oracle.AwaitFanOutAsync(snapshot);
        if (revalued != Vaults)
        {
            throw new InvalidOperationException($"The partitions hold {revalued} vaults, not {Vaults}.");
        }

        _market.Price = _next;
        RevaluationCpuColumn.Stop(cpu, MoveBasisPoints, revalued);
        return revalued;
    }

    private decimal Other(decimal price)
    {
        var moved = BasePrice * (1m + (MoveBasisPoints / 10_000m));
        return price == BasePrice ? moved : BasePrice;
    }

    private async Task SetupAsync(CancellationToken cancellationToken)
    {
        _casesStarted++;
        _market = await RevaluationMarket.AcquireAsync(Vaults, BasePrice, cancellationToken);
        await VerifyAsync(cancellationToken);
    }

    /// <summary>One whole move (all three sources), then every vault's health shows the new price and a changed health factor.</summary>
    private async Task VerifyAsync(CancellationToken cancellationToken)
    {
        var before = await _market.HealthOfAllAsync(cancellationToken);
        _market.Price = Other(_market.Price);
        var snapshot = await _market.Oracle.ObserveAllAsync(_market.Price, cancellationToken);
        var after = await _market.HealthOfAllAsync(cancellationToken);
        var (moved, changed, flipped) = (0, 0, 0);
        for (var i = 0; i < Vaults; i++)
        {
            moved += after[i].Collateral is [{ Price: var p }] && p == (double)_market.Price ? 1 : 0;
            changed += after[i].HealthFactor is { } hf && before[i].HealthFactor is { } hf0 && Math.Abs(hf - hf0) > 1e-9 ? 1 : 0;
            flipped += after[i].Need?.Direction != before[i].Need?.Direction ? 1 : 0;
        }

        var factors = after.Select(h => h.HealthFactor ?? double.NaN).Order().ToArray();
        Console.WriteLine($"// Revaluation check ({MoveBasisPoints} bp), round {snapshot.Round}: {moved:N0} of {Vaults:N0} vaults hold the new price {_market.Price}, "
            + $"{changed:N0} health factors changed, {flipped:N0} needs changed direction; health factors {factors[0]:0.00}–{factors[^1]:0.00} (median {factors[Vaults / 2]:0.00}), "
            + $"{after.Count(h => h.Need is null):N0} in the band, {after.Count(h => h.Need?.Direction == RebalanceDirection.Raise):N0} below, {after.Count(h => h.Need?.Direction == RebalanceDirection.Release):N0} above");
        if (moved != Vaults || changed != Vaults)
        {
            throw new InvalidOperationException($"A move reached {moved} and changed the health of {changed} of {Vaults} vaults.");
        }
    }
}
