using Mesh.Oracles;

namespace Mesh.Revaluation;

/// <summary>
/// One partition of the vaults that hold or are exposed to an asset (key <c>asset/partition</c>, see
/// <see cref="RevaluationPartitions"/>): a new aggregate price from the asset's oracle is published to every
/// partition, and each partition revalues its vaults in parallel.
/// </summary>
[Alias("mesh.revaluation-index")]
public interface IRevaluationIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds a vault to the partition (idempotent).</summary>
    /// <param name="vault">The vault's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    [Alias("mesh.revaluation-index.register")]
    Task Register(string vault, CancellationToken cancellationToken = default);

    /// <summary>Revalues every vault of the partition at the new price and waits until each has.</summary>
    /// <param name="snapshot">The oracle's new aggregate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many vaults were revalued.</returns>
    [Alias("mesh.revaluation-index.publish")]
    Task<int> Publish(OracleSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Lists the partition's vaults.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The vault keys, ordered.</returns>
    [Alias("mesh.revaluation-index.members")]
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<string>> Members(CancellationToken cancellationToken = default);

    /// <summary>What the partition's vaults hold of its asset, as each answered its last revaluation (kept in memory: a partition activated since counts only the vaults revalued since). It interleaves with a publication in progress, whose vaults' sale requests reach coordinators that ask for it.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The holdings.</returns>
    [Alias("mesh.revaluation-index.holdings")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<RevaluationHoldings> Holdings(CancellationToken cancellationToken = default);
}
