using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;
using Mesh.Grains.Hosting;
using Mesh.Grains.Protocols;
using Mesh.Protocols;
using Mesh.Vaults;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Benchmarks;

/// <summary>
/// The revaluation benchmark's book: <c>count</c> protocols (admitted automatically), one vault each on
/// <see cref="Chain"/> with five WETH exposures (three options of different strikes, expiries and sides, two perps;
/// sizes vary by vault) and WETH collateral deposited through the simulated chain and final, sized so that the vaults'
/// health factors spread over about 0.9–2.3 (some below the band, most in it, some above).
/// </summary>
internal static class RevaluationBook
{
    public const string Asset = "WETH";
    public const string Chain = "local-a";
    private const int Parallelism = 16;
    private static readonly UInt128 MicroWeth = 1_000_000_000_000UL;

    /// <summary>The mesh's grain services for the in-process silo: the repository's chains, joins admitted up to Conservative.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddMeshGrains(ChainsConfigurationLoader.Load(FindChainsFile()));
        services.Configure<ProtocolAdmissionOptions>(o => o.AutoApproveUpTo = RiskTier.Conservative);
    }

    public static string VaultKey(int i) => new VaultKey($"rv-{i:D5}", Chain).ToString();

    /// <summary>Creates the book at the oracle's current price <paramref name="price"/>; returns the vault keys.</summary>
    public static async Task<string[]> CreateAsync(InProcessSilo silo, int count, decimal price, CancellationToken cancellationToken)
    {
        var grains = silo.GrainFactory;
        var chain = silo.Services.GetRequiredService<ISimulatedChainProvider>().GetSimulated(Chain);
        var keys = Enumerable.Range(0, count).Select(VaultKey).ToArray();
        var expiryBase = TimeProvider.System.GetUtcNow().Date.AddDays(1);
        var created = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(cancellationToken), async (i, ct) =>
        {
            var protocol = $"rv-{i:D5}";
            var account = Account(i);
            await grains.GetGrain<IProtocolGrain>(protocol).Join(new JoinRequest($"Revaluation {i}", [Chain], "risk@revaluation.example", RiskTier.Conservative, account), ct);
            var vault = grains.GetGrain<IVaultGrain>(keys[i]);
            var health = await vault.ReportExposures(Exposures(i, price, expiryBase), ct);

            // Collateral for a target health factor in [0.9, 2.3), assuming a haircut of about 10%.
            var target = 0.9 + (1.4 * ((i * 7919) % 1000) / 1000.0);
            var weth = target * health.Obligations / ((double)price * 0.9);
            var amount = (UInt128)(ulong)Math.Ceiling(weth * 1e6) * MicroWeth;
            chain.Fund(account, Asset, amount);
            await vault.Deposit(new VaultMovement("collateral-1", Asset, amount), ct);
            if (Interlocked.Increment(ref created) % 1_000 == 0)
            {
                Console.WriteLine($"// Revaluation book: {created:N0} vaults at {TimeProvider.System.GetUtcNow():HH:mm:ss}");
            }
        });

        // The vaults poll the chain every block; a deposit counts once final (two confirmations).
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(5);
        foreach (var key in keys)
        {
            var vault = grains.GetGrain<IVaultGrain>(key);
            while ((await vault.Operation("collateral-1", cancellationToken))?.Status != OperationStatus.Completed)
            {
                if (TimeProvider.System.GetUtcNow() > deadline)
                {
                    throw new InvalidOperationException($"The deposit of {key} did not complete within 5 minutes.");
                }

                await Task.Delay(100, cancellationToken);
            }
        }

        return keys;
    }

    public static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

    private static string Account(int i) => $"0x{i + 1:x40}";

    private static Exposure[] Exposures(int i, decimal price, DateTime expiryBase)
    {
        var scale = 1 + (i % 10);
        var at = new DateTimeOffset(expiryBase, TimeSpan.Zero);
        return
        [
            new Exposure("put-short", ExposureKind.Option, Asset, 2m * scale, PositionSide.Short, OptionRight.Put, decimal.Round(price * 0.9m), at.AddDays(7 + (i % 21)), ImpliedVolatility: 0.7m),
            new Exposure("call-long", ExposureKind.Option, Asset, scale, PositionSide.Long, OptionRight.Call, decimal.Round(price * 1.1m), at.AddDays(30 + (i % 30))),
            new Exposure("call-short", ExposureKind.Option, Asset, scale, PositionSide.Short, OptionRight.Call, decimal.Round(price * 1.25m), at.AddDays(90), ImpliedVolatility: 0.65m),
            new Exposure("perp-long", ExposureKind.Perp, Asset, 0.5m * scale, PositionSide.Long, EntryPrice: decimal.Round(price * 0.98m)),
            new Exposure("perp-short", ExposureKind.Perp, Asset, 0.25m * scale, PositionSide.Short, EntryPrice: decimal.Round(price * 1.01m)),
        ];
    }

    private static string FindChainsFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "chains.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("chains.json not found in the benchmark's folder or above it (the repository root).");
    }
}
