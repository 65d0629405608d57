using System.Globalization;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Deployment;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>
/// Three Hardhat nodes on loopback (free ports, chain ids 31401-31403) with the mesh contracts deployed through the
/// mesh's own <see cref="ContractDeployer"/>: account #0 deploys and administers, account #1 is the mesh's signer.
/// </summary>
public sealed class LocalChains : IAsyncLifetime
{
    public const int Confirmations = 2;

    private readonly List<HardhatNode> _nodes = [];
    private readonly string _storeDirectory = Path.Combine(Path.GetTempPath(), "mesh-evm-tests-" + Guid.NewGuid().ToString("N"));

    internal EvmSigningKey Admin { get; } = EvmDevelopmentKeys.HardhatAccount(0);

    internal EvmSigningKey MeshSigner { get; } = EvmDevelopmentKeys.HardhatAccount(1);

    internal IReadOnlyList<LocalChain> Chains { get; private set; } = [];

    internal LocalChain A => Chains[0];

    internal LocalChain B => Chains[1];

    internal LocalChain C => Chains[2];

    public async Task InitializeAsync()
    {
        var setup = EvmSetup.Find();
        var artifacts = ContractArtifacts.Load(setup.BuildDirectory);
        Directory.CreateDirectory(_storeDirectory);
        var started = await Task.WhenAll(
            Enumerable.Range(0, 3).Select(i => HardhatNode.StartAsync(setup, 31401UL + (ulong)i, TimeSpan.FromSeconds(60)))).ConfigureAwait(false);
        _nodes.AddRange(started);
        var chains = await Task.WhenAll(started.Select((node, i) => DeployAsync(node, "local-" + (char)('a' + i), artifacts))).ConfigureAwait(false);
        Chains = chains;
    }

    public async Task DisposeAsync()
    {
        foreach (var chain in Chains)
        {
            chain.Deployer.Dispose();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(_storeDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A store file still open by a client that a failed test did not dispose: the temp folder keeps it.
        }
    }

    /// <summary>Options for a client: a fresh transaction store unless a path is given, fast circuit settings.</summary>
    internal EvmChainOptions Options(string? storePath = null) => new()
    {
        TransactionStorePath = storePath ?? NewStorePath(),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        CircuitMinimumThroughput = 2,
    };

    internal string NewStorePath() => Path.Combine(_storeDirectory, Guid.NewGuid().ToString("N") + ".db");

    internal EvmChainClient Client(LocalChain chain, EvmChainOptions? options = null, ChainDefinition? definition = null) =>
        new(definition ?? chain.Definition, MeshSigner, options ?? Options(), TimeProvider.System, NullLogger.Instance);

    private async Task<LocalChain> DeployAsync(HardhatNode node, string name, ContractArtifacts artifacts)
    {
        var deployer = await ContractDeployer.ConnectAsync([node.Url], Admin, artifacts).ConfigureAwait(false);
        var plan = new DeploymentPlan(
            MeshSigner.Address,
            [new TokenSpec("USDC", "Mesh Test USD Coin", 6), new TokenSpec("WETH", "Mesh Test Wrapped Ether", 18)],
            [new PriceFeedSpec("ETH / USD", 8, 3_000_00000000)]);
        var deployed = await deployer.DeployAsync(plan).ConfigureAwait(false);
        var definition = deployed.ApplyTo(new ChainDefinition
        {
            Name = name,
            ChainId = node.ChainId,
            RpcUrls = [node.Url],
            Confirmations = Confirmations,
            BlockTime = TimeSpan.FromSeconds(1),
            NativeAsset = new NativeAsset("ETH", 18),
            Contracts = new MeshContracts("0x" + new string('0', 40), "0x" + new string('0', 40)),
            Tokens = [],
        });
        return new LocalChain(node, definition, deployed, deployer);
    }

    internal static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
