using System.Diagnostics;
using System.Text.Json.Nodes;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm;
using Mesh.Chains.Evm.Deployment;
using Mesh.Protocols;
using Mesh.Silo.Chains;
using Mesh.Testing;
using Mesh.Transfers;
using Mesh.Vaults;

namespace Mesh.Silo.Tests.Evm.Transfers;

/// <summary>
/// The shared setup of the transfer tests on real chains: three Hardhat nodes (a block on every transaction and every
/// 250 ms), an <see cref="RpcProxy"/> listed first among local-b's RPC URLs (the node itself second), the mesh's
/// contracts deployed by its own deploy command with a fresh signing key, one <c>Mesh.Silo</c> process in EVM mode on
/// PostgreSQL, and one protocol with 200,000 USDC and 1,000 WETH deposited through its vaults on every chain and
/// 500,000 USDC and 2,000 WETH of release liquidity minted to every chain's bridge escrow.
/// </summary>
public sealed class EvmTransferCluster : IAsyncLifetime
{
    public const string Asset = "USDC";
    public const string Weth = "WETH";
    public const string Protocol = "xfer-evm";
    public static readonly UInt128 Usdc = 1_000_000;
    public static readonly UInt128 Ether = 1_000_000_000_000_000_000UL;
    public static readonly IReadOnlyList<string> Assets = [Asset, Weth];
    public static readonly IReadOnlyList<string> ChainNames = ["local-a", "local-b", "local-c"];

    // What the protocol deposits on every chain, and what every escrow holds for releases.
    private static readonly Dictionary<string, (UInt128 Deposit, UInt128 Escrow)> Funding = new(StringComparer.Ordinal)
    {
        [Asset] = (200_000 * Usdc, 500_000 * Usdc),
        [Weth] = (1_000 * Ether, 2_000 * Ether),
    };

    private readonly LocalNodes _nodes = new();
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("mesh-evm-xfer-").FullName;
    private readonly Dictionary<string, string> _environment = [];
    private string[] _settings = [];
    private OrleansTestClient? _client;
    private int _silos;

    /// <summary>The window over which a circuit breaker weighs an endpoint's failures.</summary>
    internal static readonly TimeSpan CircuitSamplingDuration = TimeSpan.FromSeconds(10);

    internal RpcProxy Proxy { get; private set; } = null!;

    internal OnChain OnChain { get; private set; } = null!;

    internal SiloProcess Silo { get; private set; } = null!;

    internal ChainsConfiguration Chains { get; private set; } = null!;

    /// <summary>The mesh's signing address (a fresh key, the only sender of vault operations).</summary>
    internal string Signer { get; private set; } = "";

    /// <summary>What setting the cluster up took (nodes, deployment, silo, deposits).</summary>
    internal TimeSpan SetupTime { get; private set; }

    public IClusterClient Client => _client!.Client;

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await _nodes.InitializeAsync();
        var nodeUrls = ChainNames.Select((name, i) => (name, _nodes.Nodes[i].Url)).ToDictionary(p => p.name, p => p.Url);
        Proxy = RpcProxy.Start(nodeUrls["local-b"]);
        var signer = TestSigner.Create(_workingDirectory);
        await signer.FundAsync(nodeUrls.Values);
        Signer = signer.Key.Address;
        var chainsFile = WriteChainsFile();
        var contracts = $"--Mesh:Evm:ContractsDirectory={TestChainsFile.ContractsDirectory()}";
        var deployed = await DeployCommand.RunAsync(["--chains", chainsFile, $"--Mesh:Evm:SigningKeyFile={signer.KeyFile}", contracts], TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, deployed);
        Chains = ChainsConfigurationLoader.Load(chainsFile);
        OnChain = new OnChain(Chains, nodeUrls);
        var account = EvmDevelopmentKeys.HardhatAccount(2);
        var artifacts = ContractArtifacts.Load(Path.Combine(TestChainsFile.ContractsDirectory(), "build"));
        foreach (var name in ChainNames)
        {
            var chain = Chains.FindChain(name)!;
            using var admin = await ContractDeployer.ConnectAsync([nodeUrls[name]], signer.Key, artifacts);
            foreach (var (asset, (deposit, escrow)) in Funding)
            {
                var token = chain.FindToken(asset)!.Address;
                await admin.MintAsync(token, account.Address, deposit);
                await admin.ApproveAsync(account, token, chain.Contracts.Vault, deposit);
                await admin.MintAsync(token, chain.Contracts.Bridge, escrow);
            }
        }

        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("xfer");
        _environment[MeshEvmOptions.DefaultSigningKeyVariable] = signer.Hex;
        _settings =
        [
            "--Mesh:Chains:Mode=Evm", contracts,
            "--Mesh:Storage:Provider=PostgreSql", $"--Mesh:Storage:ConnectionString={database}",
            "--Mesh:Transfers:PollInterval=00:00:00.200",
            "--Mesh:Transfers:HaltedAfterBlocks=12",
            "--Mesh:Evm:Client:AttemptTimeout=00:00:02",
            $"--Mesh:Evm:Client:CircuitSamplingDuration={CircuitSamplingDuration:c}",
            "--Mesh:Evm:Client:CircuitBreakDuration=00:01:00",
        ];
        Silo = await StartSiloAsync($"silo-{++_silos}");
        _client = await OrleansTestClient.ConnectAsync(database);
        var protocol = Client.GetGrain<IProtocolGrain>(Protocol);
        await protocol.Join(new JoinRequest("EVM transfers", [.. ChainNames], "ops@example.org", RiskTier.Conservative, account.Address));
        await protocol.Approve(null, "operator@example.org");
        await Task.WhenAll(ChainNames.SelectMany(chain => Assets.Select(asset => DepositAsync(chain, asset))));
        SetupTime = clock.Elapsed;
    }

    /// <summary>
    /// Starts a second silo in the cluster (same database, data folder and chains), SIGKILLs the first, and keeps the
    /// second as <see cref="Silo"/>. The grains active on the first (the ones used so far) come back on the second.
    /// </summary>
    /// <param name="beforeKill">What to do once both silos are up, before the kill (e.g. let the saga reach a step).</param>
    internal async Task FailOverAsync(Func<Task> beforeKill)
    {
        var first = Silo;
        var second = await StartSiloAsync($"silo-{++_silos}");
        try
        {
            await beforeKill();
            await first.KillAsync();
        }
        finally
        {
            Silo = second;
            await first.DisposeAsync();
        }
    }

    /// <summary>Quotes then executes a transfer (the grain key stands for <c>router:requestId</c>).</summary>
    internal async Task<(ITransferGrain Grain, TransferQuote Quote)> ExecuteAsync(string key, string from, string to, UInt128 amount, string asset = Asset)
    {
        var grain = Client.GetGrain<ITransferGrain>(key);
        var quote = await grain.Quote(new TransferQuoteRequest(Protocol, asset, from, to, amount, TimeSpan.FromMinutes(10)));
        await grain.Execute();
        return (grain, quote);
    }

    /// <summary>Waits until every transfer has ended and returns their statuses.</summary>
    internal static async Task<TransferStatus[]> EndedAsync(IReadOnlyList<ITransferGrain> transfers, TimeSpan timeout)
    {
        var ended = new TransferStatus?[transfers.Count];
        await Eventually.TrueAsync(
            async () =>
            {
                for (var i = 0; i < transfers.Count; i++)
                {
                    if (ended[i] is null && await transfers[i].Status() is { IsTerminal: true } status)
                    {
                        ended[i] = status;
                    }
                }

                return ended.All(s => s is not null);
            },
            $"{transfers.Count} transfers end",
            timeout);
        return [.. ended.Select(s => s!)];
    }

    /// <summary>Every chain's vault balance of the protocol and escrow balance of every asset, read from the nodes.</summary>
    internal async Task<ChainBalances> BalancesAsync()
    {
        var balances = new ChainBalances();
        foreach (var asset in Assets)
        {
            foreach (var chain in ChainNames)
            {
                balances.Vault[(asset, chain)] = await OnChain.VaultBalanceAsync(chain, Protocol, asset);
                balances.Escrow[(asset, chain)] = await OnChain.EscrowBalanceAsync(chain, asset);
            }
        }

        return balances;
    }

    public async Task DisposeAsync()
    {
        await DisconnectAsync();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        OnChain?.Dispose();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        await _nodes.DisposeAsync();
        Directory.Delete(_workingDirectory, recursive: true);
    }

    private async Task DisconnectAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await client.DisposeAsync().AsTask().WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // A client whose gateway was killed may not stop within 10 s; the test process ends it.
            }
        }
    }

    private async Task<SiloProcess> StartSiloAsync(string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var silo = SiloProcess.Start(SiloProcess.SiloDll, _workingDirectory, _environment, [.. _settings, $"--Mesh:SiloName={name}"]);
        try
        {
            await silo.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(120));
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>The repository's chains.json on these nodes, local-b behind the proxy first and the node second.</summary>
    private string WriteChainsFile()
    {
        var path = TestChainsFile.Write(Path.Combine(_workingDirectory, "chains.json"), _nodes.Ports, LocalNodes.ChainIds, LocalNodes.BlockTimeMs);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var chainB = root["chains"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "local-b")!.AsObject();
        chainB["rpcUrls"] = new JsonArray(Proxy.Url.ToString().TrimEnd('/'), _nodes.Nodes[1].Url.ToString().TrimEnd('/'));
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    private async Task DepositAsync(string chain, string asset)
    {
        var vault = Client.GetGrain<IVaultGrain>(new VaultKey(Protocol, chain).ToString());
        var receipt = await vault.Deposit(new VaultMovement($"deposit-{asset}-{chain}", asset, Funding[asset].Deposit));
        await Eventually.TrueAsync(
            async () => (receipt = await vault.Operation(receipt.OperationId) ?? receipt).Status != OperationStatus.Pending,
            $"the {asset} deposit on {chain} settles",
            TimeSpan.FromSeconds(60));
        Assert.True(receipt.Status == OperationStatus.Completed, $"the {asset} deposit on {chain}: {receipt}");
    }
}
