using Mesh.Vaults;

namespace Mesh.Benchmarks;

/// <summary>
/// The silo, the book of <see cref="RevaluationBook"/> and the oracle's current price, built once per process and
/// shared by the benchmark's cases (10,000 vaults take minutes to set up; the cases differ only in the size of the move).
/// </summary>
internal sealed class RevaluationMarket
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RevaluationMarket? _shared;
    private static int _users;

    private RevaluationMarket(InProcessSilo silo, RevaluationOracle oracle, string[] vaults, decimal price)
    {
        Silo = silo;
        Oracle = oracle;
        Vaults = vaults;
        Price = price;
    }

    public InProcessSilo Silo { get; }

    public RevaluationOracle Oracle { get; }

    public string[] Vaults { get; }

    /// <summary>Gets or sets the aggregate price all three sources agree on, or that two of them moved to (the third lags by one move).</summary>
    public decimal Price { get; set; }

    /// <summary>The shared market, created by the first caller; every caller releases it with <see cref="ReleaseAsync"/>.</summary>
    public static async Task<RevaluationMarket> AcquireAsync(int vaults, decimal price, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            _shared ??= await CreateAsync(vaults, price, cancellationToken);
            _users++;
            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the silo once the last case has run.</summary>
    /// <param name="casesStillToRun">How many more cases will acquire the market after this one.</param>
    public static async Task ReleaseAsync(int casesStillToRun)
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0 && casesStillToRun == 0 && _shared is not null)
            {
                await _shared.Silo.DisposeAsync();
                _shared = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<VaultHealth[]> HealthOfAllAsync(CancellationToken cancellationToken)
    {
        var health = new VaultHealth[Vaults.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, Vaults.Length), RevaluationBook.Options(cancellationToken), async (i, ct) =>
            health[i] = await Silo.GrainFactory.GetGrain<IVaultGrain>(Vaults[i]).Health(ct));
        return health;
    }

    private static async Task<RevaluationMarket> CreateAsync(int count, decimal price, CancellationToken cancellationToken)
    {
        var silo = await InProcessSilo.StartSqliteAsync(cancellationToken, RevaluationBook.AddServices);
        try
        {
            var oracle = new RevaluationOracle(silo.GrainFactory, RevaluationBook.Asset);
            await oracle.ObserveAllAsync(price, cancellationToken);
            var started = TimeProvider.System.GetUtcNow();
            var vaults = await RevaluationBook.CreateAsync(silo, count, price, cancellationToken);
            Console.WriteLine($"// Revaluation book: {count:N0} vaults created in {(TimeProvider.System.GetUtcNow() - started).TotalSeconds:0} s");

            // Each deposit left its saga's one-minute reminder, which unregisters itself at its first tick: let that
            // pass before measuring, so that the ticks measured do not share the silo with 10,000 reminder firings.
            await Task.Delay(TimeSpan.FromSeconds(80), cancellationToken);
            return new RevaluationMarket(silo, oracle, vaults, price);
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }
}
