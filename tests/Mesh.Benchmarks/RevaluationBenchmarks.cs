using BenchmarkDotNet.Attributes;
using Mesh.Vaults;

namespace Mesh.Benchmarks;

/// <summary>
/// One oracle tick revalues 10,000 vaults with five option and perp exposures each (target: every health factor
/// updated within 250 ms, one Arbitrum block). One in-process silo (the production wiring, SQLite storage, so the
/// rebalance needs a tick changes are durable writes); the book is <see cref="RevaluationBook"/>: 10,000 protocols
/// joined (admitted automatically), a vault each with three WETH options and two WETH perps, and WETH collateral
/// deposited through the simulated chain.
/// </summary>
/// <remarks>
/// <para>The measured operation is one oracle round that moves the price: one source's observation that moves the
/// median of the three by 0.4% (alternately up and down, below the outlier filter's 0.5%), then until every vault has
/// revalued at it. The oracle publishes a round to the asset's 16 revaluation partitions without awaiting them, so the
/// benchmark then publishes the same snapshot to the same 16 partitions itself and awaits them (exactly the oracle's
/// calls): a partition is not reentrant and takes its messages in order, so each answers after the oracle's publish
/// of that round has run <c>OnPrice</c> on every member and each has finished its revaluation; a partition answers
/// a round it has already published without calling its vaults again. The call checks the aggregate moved and that
/// the partitions hold all 10,000 vaults.</para>
/// <para>Each observation is a new round that every vault revalues, so the two other sources' observations of an
/// iteration (which keep them fresh and set up the next move) run, and are awaited, in the untimed iteration setup.
/// Global setup checks, untimed, that a tick reaches every vault (its health then shows the new price) and changes
/// its health factor.</para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(RevaluationConfig))]
[InvocationCount(1)]
[IterationCount(20)]
public class RevaluationBenchmarks
{
    public const int Vaults = 10_000;
    private static readonly decimal[] Prices = [2_000m, 2_008m];
    private InProcessSilo _silo = null!;
    private RevaluationOracle _oracle = null!;
    private string[] _vaults = null!;
    private decimal _price;
    private decimal _next;

    [GlobalSetup]
    public void Setup() => SetupAsync(CancellationToken.None).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Brings the third source to the current price and the first to the next one (two awaited rounds).</summary>
    [IterationSetup]
    public void NextMove()
    {
        _next = Other(_price);
        _oracle.ObserveAsync(2, _price).GetAwaiter().GetResult();
        var snapshot = _oracle.ObserveAsync(0, _next).GetAwaiter().GetResult();
        _oracle.AwaitFanOutAsync(snapshot).GetAwaiter().GetResult();
        RevaluationCpuColumn.Start();
    }

    [IterationCleanup]
    public void Measured() => RevaluationCpuColumn.Stop(_vaults.Length);

    /// <summary>The second source moves the median: a new round at a new price, until all 10,000 vaults have revalued.</summary>
    [Benchmark]
    public async Task<int> OracleTickRevaluesAllVaults()
    {
        var snapshot = await _oracle.ObserveAsync(1, _next);
        if (snapshot.Price != _next || !snapshot.Fresh)
        {
            throw new InvalidOperationException($"The oracle's aggregate is {snapshot.Price} (fresh: {snapshot.Fresh}), not the observed {_next}.");
        }

        var revalued = await _oracle.AwaitFanOutAsync(snapshot);
        if (revalued != Vaults)
        {
            throw new InvalidOperationException($"The partitions hold {revalued} vaults, not {Vaults}.");
        }

        _price = _next;
        return revalued;
    }

    private static decimal Other(decimal price) => price == Prices[0] ? Prices[1] : Prices[0];

    private async Task SetupAsync(CancellationToken cancellationToken)
    {
        _silo = await InProcessSilo.StartSqliteAsync(cancellationToken, RevaluationBook.AddServices);
        _oracle = new RevaluationOracle(_silo.GrainFactory, RevaluationBook.Asset);
        _price = Prices[0];
        await _oracle.ObserveAllAsync(_price, cancellationToken);
        var started = TimeProvider.System.GetUtcNow();
        _vaults = await RevaluationBook.CreateAsync(_silo, Vaults, _price, cancellationToken);
        Console.WriteLine($"// Revaluation book: {Vaults:N0} vaults created in {(TimeProvider.System.GetUtcNow() - started).TotalSeconds:0} s");
        var created = TimeProvider.System.GetUtcNow();
        await VerifyAsync(cancellationToken);

        // Each deposit left its saga's one-minute reminder, which unregisters itself at its first tick: let that pass
        // before measuring, so the ticks measured are not shared with 10,000 reminder firings.
        var quiet = created.AddSeconds(80) - TimeProvider.System.GetUtcNow();
        if (quiet > TimeSpan.Zero)
        {
            await Task.Delay(quiet, cancellationToken);
        }
    }

    /// <summary>One whole price move (all three sources), then every vault's health shows the new price and a changed health factor.</summary>
    private async Task VerifyAsync(CancellationToken cancellationToken)
    {
        var before = await HealthOfAllAsync(cancellationToken);
        _price = Other(_price);
        var snapshot = await _oracle.ObserveAllAsync(_price, cancellationToken);
        var after = await HealthOfAllAsync(cancellationToken);
        var (moved, changed, flipped) = (0, 0, 0);
        for (var i = 0; i < Vaults; i++)
        {
            moved += after[i].Collateral is [{ Price: var p }] && p == (double)_price ? 1 : 0;
            changed += after[i].HealthFactor is { } hf && before[i].HealthFactor is { } hf0 && Math.Abs(hf - hf0) > 1e-9 ? 1 : 0;
            flipped += after[i].Need?.Direction != before[i].Need?.Direction ? 1 : 0;
        }

        var factors = after.Select(h => h.HealthFactor ?? double.NaN).Order().ToArray();
        Console.WriteLine($"// Revaluation check, round {snapshot.Round}: {moved:N0} of {Vaults:N0} vaults hold the new price {_price}, {changed:N0} health factors changed, "
            + $"{flipped:N0} needs changed direction; health factors {factors[0]:0.00}–{factors[^1]:0.00} (median {factors[Vaults / 2]:0.00}), "
            + $"{after.Count(h => h.Need is null):N0} in the band, {after.Count(h => h.Need?.Direction == RebalanceDirection.Raise):N0} below, {after.Count(h => h.Need?.Direction == RebalanceDirection.Release):N0} above");
        if (moved != Vaults || changed != Vaults)
        {
            throw new InvalidOperationException($"A tick reached {moved} and changed the health of {changed} of {Vaults} vaults.");
        }
    }

    private async Task<VaultHealth[]> HealthOfAllAsync(CancellationToken cancellationToken)
    {
        var health = new VaultHealth[Vaults];
        await Parallel.ForEachAsync(Enumerable.Range(0, Vaults), RevaluationBook.Options(cancellationToken), async (i, ct) =>
            health[i] = await _silo.GrainFactory.GetGrain<IVaultGrain>(_vaults[i]).Health(ct));
        return health;
    }
}
