using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Local;
using Mesh.Testing;

namespace Mesh.Grains.Tests.Chains;

/// <summary>
/// One real Hardhat node on a free loopback port (chain id 31611, a block per transaction only) with the mesh contracts
/// deployed by the mesh's own <see cref="ContractDeployer"/>: account #0 administers, account #1 is the mesh's signer.
/// Fails clearly when tests/setup-evm.sh has not run.
/// </summary>
public sealed class HardhatChain : IAsyncLifetime
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"mesh-index-{Guid.NewGuid():N}.db");
    private HardhatNodeProcess? _node;

    internal ChainDefinition Definition { get; private set; } = null!;

    internal ContractDeployer Admin { get; private set; } = null!;

    internal IChainClient Client { get; private set; } = null!;

    internal Uri Url => _node!.Url;

    public async Task InitializeAsync()
    {
        var contracts = Path.Combine(SiloProcess.RepositoryRoot(), "src", "Mesh.Chains", "contracts");
        var toolchain = new HardhatToolchain(contracts);
        if (!toolchain.IsInstalled || !toolchain.IsCompiled)
        {
            throw new InvalidOperationException("The EVM tests need Hardhat and the compiled contracts: run `bash tests/setup-evm.sh` from the repository root first.");
        }

        _node = await toolchain.StartNodeAsync(TestPorts.Next(), 31611, blockInterval: null, TimeSpan.FromSeconds(60));
        Admin = await ContractDeployer.ConnectAsync([_node.Url], EvmDevelopmentKeys.HardhatAccount(0), ContractArtifacts.Load(Path.Combine(contracts, "build")));
        var deployed = await Admin.DeployAsync(new DeploymentPlan(
            EvmDevelopmentKeys.HardhatAccount(1).Address,
            [new TokenSpec("USDC", "Mesh Test USD Coin", 6), new TokenSpec("WETH", "Mesh Test Wrapped Ether", 18)],
            []));
        Definition = deployed.ApplyTo(new ChainDefinition
        {
            Name = "local-a",
            ChainId = _node.ChainId,
            RpcUrls = [_node.Url],
            Confirmations = 2,
            BlockTime = TimeSpan.FromSeconds(1),
            NativeAsset = new NativeAsset("ETH", 18),
            Contracts = new MeshContracts("0x" + new string('0', 40), "0x" + new string('0', 40)),
            Tokens = [],
        });
        Client = EvmChains.CreateClient(Definition, EvmDevelopmentKeys.HardhatAccount(1), new EvmChainOptions { TransactionStorePath = _store });
    }

    public async Task DisposeAsync()
    {
        (Client as IDisposable)?.Dispose();
        Admin?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        File.Delete(_store);
    }

    /// <summary>Calls a node control method (<c>evm_snapshot</c>, <c>evm_revert</c>, <c>hardhat_mine</c>) and returns its result.</summary>
    internal async Task<System.Text.Json.JsonElement> ControlAsync(string method, params object[] parameters)
    {
        using var probe = new EvmNodeProbe(TimeSpan.FromSeconds(10));
        return await probe.CallAsync(Url, method, parameters);
    }
}
