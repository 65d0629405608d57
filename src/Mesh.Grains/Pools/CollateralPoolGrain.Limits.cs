using Mesh.Grains.Hosting;
using Mesh.Oracles;
using Mesh.Pools;

namespace Mesh.Grains.Pools;

/// <summary>Limits set by operators, caps that shrink under market stress, and the recalls either makes.</summary>
internal sealed partial class CollateralPoolGrain
{
    [Microsoft.Extensions.Logging.LoggerMessage(EventId = 2300, Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "The {Asset} pool could not tell vault {Vault} of its recall")]
    private static partial void LogRecallNotDelivered(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string asset, string vault);

    /// <summary>The share of a factor's caps that applies while its market is elevated.</summary>
    internal static readonly UInt128 ElevatedShareWad = 750_000_000_000_000_000UL;

    /// <summary>The share of a factor's caps that applies while its market is stressed or its breaker is open.</summary>
    internal static readonly UInt128 StressedShareWad = 500_000_000_000_000_000UL;

    private const int RecallsShown = 100;

    public Task<PoolLimitsView> Limits(CancellationToken cancellationToken = default) => Task.FromResult(LimitsView());

    public async Task<PoolLimitsView> SetLimits(PoolLimits limits, string setBy, CancellationToken cancellationToken = default)
    {
        var caps = PoolLimitsMapper.ToCaps(limits);
        caps.Validate();
        Ledger.SetCaps(caps);
        await RecallAndPersist($"limits set by operator {setBy}", cancellationToken);
        return LimitsView();
    }

    public async Task OnRisk(string asset, MarketRegime regime, bool breakerOpen, CancellationToken cancellationToken = default)
    {
        KnownAssets.Require(chains, asset);
        var share = breakerOpen || regime == MarketRegime.Stressed ? StressedShareWad
            : regime == MarketRegime.Elevated ? ElevatedShareWad
            : Mesh.Grains.Pools.FixedPoint.Wad;
        if (!Ledger.SetStress($"underlying:{asset}", share))
        {
            return;
        }

        var why = breakerOpen ? $"{asset}'s oracle breaker is open" : $"{asset}'s market is {regime.ToString().ToLowerInvariant()}";
        await RecallAndPersist($"{why}: caps on underlying:{asset} at {PoolLimitsMapper.Share(share):P0}", cancellationToken);
    }

    /// <summary>Recalls what the caps now in force no longer allow, records every recall that grew, and writes (or starts over from storage).</summary>
    private async Task RecallAndPersist(string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = Ledger.State.Vaults.ToDictionary(v => v.Key, v => v.Value.RecallDue, StringComparer.Ordinal);
        var due = Ledger.RecallOverCaps(now);
        Ledger.CheckInvariants();
        var grown = due.Where(d => d.Value > before.GetValueOrDefault(d.Key)).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        foreach (var (vault, owed) in grown)
        {
            state.State.Recalls.Add(new RecallRecord(now, vault, owed, reason));
        }

        await state.WriteOrRestoreAsync(this, () => _ledger = null, cancellationToken);

        // Recorded first; then each vault is told. A vault that misses it learns the figure with its next repayment.
        await Task.WhenAll(grown.Select(d => TellVault(d.Key, d.Value)));
    }

    private async Task TellVault(string vault, UInt128 due)
    {
        try
        {
            await GrainFactory.GetGrain<Mesh.Vaults.IVaultGrain>(vault).OnRecall(Asset, due);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRecallNotDelivered(logger, e, Asset, vault);
        }
    }

    private PoolLimitsView LimitsView()
    {
        var ledger = Ledger.State;
        return new PoolLimitsView(
            Asset,
            PoolLimitsMapper.FromCaps(ledger.Caps),
            ledger.StressWad.ToDictionary(s => s.Key, s => PoolLimitsMapper.Share(s.Value), StringComparer.Ordinal),
            ledger.Vaults.Where(v => v.Value.RecallDue > UInt128.Zero).ToDictionary(v => v.Key, v => v.Value.RecallDue, StringComparer.Ordinal),
            [.. state.State.Recalls.AsEnumerable().Reverse().Take(RecallsShown)]);
    }
}
