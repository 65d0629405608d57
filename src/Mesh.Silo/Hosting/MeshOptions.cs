using Mesh.Api;
using Mesh.Grains.Chains;
using Mesh.Grains.Oracles;
using Mesh.Grains.Pools;
using Mesh.Grains.Protocols;
using Mesh.Grains.Rebalancing;
using Mesh.Grains.Vaults;
using Mesh.Silo.Chains;
using Mesh.Storage;

namespace Mesh.Silo.Hosting;

/// <summary>Every setting of a silo: configuration section <c>Mesh</c>. Unknown keys under it stop start-up.</summary>
public sealed class MeshOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mesh";

    /// <summary>Gets or sets the folder for the embedded SQLite state file; a single node locks it while it runs.</summary>
    /// <value>The default is <c>data</c> (relative to the working directory).</value>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Gets or sets the path of the chains file.</summary>
    /// <value>The default is <c>chains.json</c> (relative to the working directory).</value>
    public string ChainsFile { get; set; } = "chains.json";

    /// <summary>Gets or sets this silo's name in the membership table; empty picks the host name and process id.</summary>
    /// <value>The default is empty.</value>
    public string? SiloName { get; set; }

    /// <summary>Gets or sets the storage settings.</summary>
    /// <value>The default is SQLite under <see cref="DataDirectory"/>.</value>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>Gets or sets the Orleans settings.</summary>
    /// <value>The default is a single node on loopback.</value>
    public MeshOrleansOptions Orleans { get; set; } = new();

    /// <summary>Gets or sets the HTTP API settings.</summary>
    /// <value>The default is 64 KiB bodies, per-key token buckets, the operator key in <c>data/operator.key</c>.</value>
    public MeshApiOptions Api { get; set; } = new();

    /// <summary>Gets or sets how protocols are admitted (<c>Mesh:Protocols</c>).</summary>
    /// <value>The default sends every join to an operator.</value>
    public ProtocolAdmissionOptions Protocols { get; set; } = new();

    /// <summary>Gets or sets how vaults value collateral and size margin (<c>Mesh:Risk</c>).</summary>
    /// <value>The default is a one-day 99% Student-t haircut, the scenario grid and a 1.25–1.6 band.</value>
    public VaultRiskOptions Risk { get; set; } = new();

    /// <summary>Gets or sets what every asset's oracle shares (<c>Mesh:Oracles</c>).</summary>
    /// <value>The default is three sources per asset and a fallback volatility of 0.8.</value>
    public MeshOracleOptions Oracles { get; set; } = new();

    /// <summary>Gets or sets the pools' interest-rate curve (<c>Mesh:InterestRates</c>).</summary>
    /// <value>The default is Aave-like: 4% below 80% utilization, 75% above.</value>
    public InterestRateCurveOptions InterestRates { get; set; } = new();

    /// <summary>Gets or sets how long the pools keep the answers their callers have acknowledged (<c>Mesh:Pools</c>).</summary>
    /// <value>The default is an hour.</value>
    public PoolOptions Pools { get; set; } = new();

    /// <summary>Gets or sets what serves the chains and how chain grains watch them (<c>Mesh:Chains</c>).</summary>
    /// <value>The default is the simulated chain, polled every block time.</value>
    public MeshChainsOptions Chains { get; set; } = new();

    /// <summary>Gets or sets the EVM chains' signing key, transaction store, contracts and client (<c>Mesh:Evm</c>).</summary>
    /// <value>The default reads the key from <c>MESH_EVM_SIGNING_KEY</c> and keeps transactions in the data folder.</value>
    public MeshEvmOptions Evm { get; set; } = new();

    /// <summary>Gets or sets how the rebalance coordinators size, order and time sale grants, and the vaults' allocation policy and hedge advice (<c>Mesh:Rebalancing</c>).</summary>
    /// <value>The default is the adaptive policy (impact bound 2%) with no static or global cap, and the allocation and hedge defaults.</value>
    public RebalancingOptions Rebalancing { get; set; } = new();

    /// <summary>Gets or sets how cross-chain transfer sagas run: quote expiry, timeouts, polling, halt judgement (<c>Mesh:Transfers</c>).</summary>
    /// <value>The default is <see cref="Mesh.Grains.Transfers.TransferOptions"/>' defaults.</value>
    public Mesh.Grains.Transfers.TransferOptions Transfers { get; set; } = new();
}
