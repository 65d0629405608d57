using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Local;
using Mesh.Protocols;
using Mesh.Silo.Chains;
using Mesh.Testing;
using Mesh.Vaults;

namespace Mesh.Benchmarks;

/// <summary>
/// Three local Hardhat nodes (a block on every transaction, and every second so that no chain looks halted) with no
/// confirmations to wait for, so that a transaction is final as soon as it is mined: what is left of a transfer's
/// time beyond the nodes' own work is the mesh's. The mesh's contracts are deployed by its own deploy command with a
/// fresh key; one production <c>Mesh.Silo</c> process in EVM mode on the throwaway PostgreSQL server; an Orleans
/// client in this process; one protocol with <see cref="Deposit"/> USDC in its vault on every chain, and
/// <see cref="EscrowFunding"/> USDC of release liquidity in every bridge escrow. The chain clients of this process
/// (the mesh's own EVM client, the silo's key) serve the chain-only baseline.
/// </summary>
internal sealed class TransferBenchChains : IAsyncDisposable
{
    public const string Asset = "USDC";
    public const string Protocol = "bench-xfer";
    public static readonly UInt128 Usdc = 1_000_000;
    public static readonly UInt128 Deposit = 10_000_000 * Usdc;
    public static readonly UInt128 EscrowFunding = 10_000_000 * Usdc;
    public static readonly string[] ChainNames = ["local-a", "local-b", "local-c"];
    private static readonly ulong[] ChainIds = [31601, 31602, 31603];

    private readonly List<HardhatNodeProcess> _nodes = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-bench-xfer-").FullName;
    private readonly List<IDisposable> _clients = [];
    private SiloProcess? _silo;
    private OrleansTestClient? _client;

    private TransferBenchChains()
    {
    }

    public IClusterClient Client => _client!.Client;

    /// <summary>The mesh's EVM client of each chain in this process (same key as the silo's), for the baseline.</summary>
    public Dictionary<string, Mesh.Chains.Clients.IChainClient> ChainClients { get; } = new(StringComparer.Ordinal);

    /// <summary>The protocol's account (Hardhat's account #2).</summary>
    public string Account { get; } = EvmDevelopmentKeys.HardhatAccount(2).Address;

    public static async Task<TransferBenchChains> StartAsync(CancellationToken cancellationToken)
    {
        var chains = new TransferBenchChains();
        try
        {
            await chains.StartCoreAsync(cancellationToken);
            return chains;
        }
        catch
        {
            await chains.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var contracts = Path.Combine(SiloProcess.RepositoryRoot(), "src", "Mesh.Chains", "contracts");
        var toolchain = new HardhatToolchain(contracts);
        if (!toolchain.IsInstalled || !toolchain.IsCompiled)
        {
            throw new InvalidOperationException("The transfer benchmarks need Hardhat and the compiled contracts: run `bash tests/setup-evm.sh` from the repository root first.");
        }

        _nodes.AddRange(await Task.WhenAll(ChainIds.Select(id => toolchain.StartNodeAsync(TestPorts.Next(), id, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), cancellationToken))));
        var hex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var signer = EvmSigningKey.FromHex(hex);
        var keyFile = Path.Combine(_folder, "signer.key");
        await File.WriteAllTextAsync(keyFile, hex + "\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        using (var probe = new EvmNodeProbe(TimeSpan.FromSeconds(5)))
        {
            foreach (var node in _nodes)
            {
                await probe.CallAsync(node.Url, "hardhat_setBalance", [signer.Address, "0x3635c9adc5dea00000"], cancellationToken);
            }
        }

        var chainsFile = WriteChainsFile();
        var contractsSetting = $"--Mesh:Evm:ContractsDirectory={contracts}";
        var deployed = await DeployCommand.RunAsync(["--chains", chainsFile, $"--Mesh:Evm:SigningKeyFile={keyFile}", contractsSetting], TextWriter.Null, Console.Error, cancellationToken);
        if (deployed != 0)
        {
            throw new InvalidOperationException($"The deploy command exited with {deployed}.");
        }

        var configuration = ChainsConfigurationLoader.Load(chainsFile);
        var artifacts = ContractArtifacts.Load(Path.Combine(contracts, "build"));
        var account = EvmDevelopmentKeys.HardhatAccount(2);
        var options = new EvmChainOptions { TransactionStorePath = Path.Combine(_folder, "baseline-transactions.db") };
        foreach (var chain in configuration.Chains)
        {
            var usdc = chain.FindToken(Asset)!.Address;
            using (var admin = await ContractDeployer.ConnectAsync(chain.RpcUrls, signer, artifacts, cancellationToken: cancellationToken))
            {
                await admin.MintAsync(usdc, account.Address, Deposit, cancellationToken);
                await admin.ApproveAsync(account, usdc, chain.Contracts.Vault, Deposit, cancellationToken);
                await admin.MintAsync(usdc, chain.Contracts.Bridge, EscrowFunding, cancellationToken);
            }

            var client = EvmChains.CreateClient(chain, signer, options);
            _clients.Add((IDisposable)client);
            ChainClients[chain.Name] = client;
        }

        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("bench_xfer");
        _silo = SiloProcess.Start(
            SiloProcess.SiloDll,
            _folder,
            new Dictionary<string, string> { [MeshEvmOptions.DefaultSigningKeyVariable] = hex },
            "--Mesh:Chains:Mode=Evm",
            contractsSetting,
            "--Mesh:Storage:Provider=PostgreSql",
            $"--Mesh:Storage:ConnectionString={database}");
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            await _silo.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(120));
        }

        _client = await OrleansTestClient.ConnectAsync(database);
        var protocol = Client.GetGrain<IProtocolGrain>(Protocol);
        await protocol.Join(new JoinRequest("Transfer benchmark", [.. ChainNames], "ops@example.org", RiskTier.Conservative, account.Address), cancellationToken);
        await protocol.Approve(null, "operator@example.org", cancellationToken);
        foreach (var chain in ChainNames)
        {
            var vault = Client.GetGrain<IVaultGrain>(new VaultKey(Protocol, chain).ToString());
            var receipt = await vault.Deposit(new VaultMovement($"deposit-{chain}", Asset, Deposit), cancellationToken);
            await Eventually.TrueAsync(
                async () => (receipt = await vault.Operation(receipt.OperationId, cancellationToken) ?? receipt).Status != OperationStatus.Pending,
                $"the deposit on {chain} settles",
                TimeSpan.FromSeconds(60));
            if (receipt.Status != OperationStatus.Completed)
            {
                throw new InvalidOperationException($"The deposit on {chain} did not complete: {receipt}");
            }
        }
    }

    /// <summary>The repository's chains.json on these nodes, with no confirmations and a one-second block time.</summary>
    private string WriteChainsFile()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json")))!.AsObject();
        var chains = root["chains"]!.AsArray();
        for (var i = 0; i < chains.Count; i++)
        {
            var chain = chains[i]!.AsObject();
            chain["rpcUrls"] = new JsonArray(_nodes[i].Url.ToString().TrimEnd('/'));
            chain["chainId"] = ChainIds[i];
            chain["confirmations"] = 0;
            chain["blockTimeMs"] = 1000;
        }

        var path = Path.Combine(_folder, "chains.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
