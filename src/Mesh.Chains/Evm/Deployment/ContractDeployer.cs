using System.Numerics;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Abi;
using Mesh.Chains.Evm.Rpc;
using Mesh.Chains.Evm.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.ABI;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;

namespace Mesh.Chains.Evm.Deployment;

/// <summary>
/// Deploys the mesh contracts on one chain (test tokens, then the vault with its bridge escrow, then price feeds) and
/// returns their addresses in the shape <c>chains.json</c> expects; also mints, approves, transfers and publishes
/// prices for local set-ups and tests. Transactions are signed here with the deployer's key.
/// </summary>
public sealed class ContractDeployer : IDisposable
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);

    private readonly RpcGateway _rpc;
    private readonly EvmTransactor _transactor;
    private readonly ContractArtifacts _artifacts;
    private readonly EvmSigningKey _deployer;
    private readonly EvmChainOptions _options;

    private ContractDeployer(RpcGateway rpc, EvmTransactor transactor, ContractArtifacts artifacts, EvmSigningKey deployer, EvmChainOptions options, ulong chainId)
    {
        _rpc = rpc;
        _transactor = transactor;
        _artifacts = artifacts;
        _deployer = deployer;
        _options = options;
        ChainId = chainId;
    }

    /// <summary>The chain id the node reported.</summary>
    public ulong ChainId { get; }

    /// <summary>Connects to a node and reads its chain id.</summary>
    /// <param name="rpcUrls">The node's RPC URLs, in order of preference.</param>
    /// <param name="deployer">The key that signs (and administers the contracts).</param>
    /// <param name="artifacts">The compiled contracts.</param>
    /// <param name="options">Fees, gas and timeouts; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">The logger, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deployer.</returns>
    public static async Task<ContractDeployer> ConnectAsync(
        IReadOnlyList<Uri> rpcUrls,
        EvmSigningKey deployer,
        ContractArtifacts artifacts,
        EvmChainOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpcUrls);
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(artifacts);
        options ??= new EvmChainOptions();
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        var rpc = new RpcGateway("deploy", rpcUrls, options, time, logger ?? NullLogger.Instance);
        try
        {
            var chainId = (ulong)(await rpc.ReadAsync<HexBigInteger>("eth_chainId", cancellationToken).ConfigureAwait(false)).Value;
            var transactor = new EvmTransactor(rpc, "deploy", chainId, options, time);
            return new ContractDeployer(rpc, transactor, artifacts, deployer, options, chainId);
        }
        catch
        {
            rpc.Dispose();
            throw;
        }
    }

    /// <summary>Deploys a plan.</summary>
    /// <param name="plan">What to deploy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The addresses.</returns>
    public async Task<DeployedChain> DeployAsync(DeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!ChainAddress.TryNormalize(plan.Operator, out var @operator))
        {
            throw new ArgumentException($"'{plan.Operator}' is not an address.", nameof(plan));
        }

        var tokens = new List<TokenDefinition>();
        foreach (var token in plan.Tokens)
        {
            tokens.Add(await DeployTokenAsync(token, cancellationToken).ConfigureAwait(false));
        }

        var vault = await CreateAsync("MeshVault", cancellationToken,
            new ABIValue("address", _deployer.Address), new ABIValue("address", @operator)).ConfigureAwait(false);
        var bridgeWord = (await _rpc.ReadAsync<string>("eth_call", cancellationToken,
            new Nethereum.RPC.Eth.DTOs.CallInput(VaultAbi.Bridge(), vault.Address), "latest").ConfigureAwait(false)).HexToByteArray();
        var bridge = VaultAbi.AddressWord(bridgeWord, 0);

        var feeds = new List<DeployedPriceFeed>();
        foreach (var feed in plan.PriceFeeds)
        {
            feeds.Add(await DeployPriceFeedAsync(feed, cancellationToken).ConfigureAwait(false));
        }

        return new DeployedChain(ChainId, new MeshContracts(vault.Address, bridge), tokens, feeds, vault.Block);
    }

    /// <summary>Deploys one test token (<c>MeshTestToken</c>) whose minter is the deployer.</summary>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token as <c>chains.json</c> holds it.</returns>
    public async Task<TokenDefinition> DeployTokenAsync(TokenSpec token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentOutOfRangeException.ThrowIfNegative(token.Decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(token.Decimals, 36);
        var address = await CreateAsync("MeshTestToken", cancellationToken,
            new ABIValue("string", token.Name), new ABIValue("string", token.Symbol),
            new ABIValue("uint8", token.Decimals), new ABIValue("address", _deployer.Address)).ConfigureAwait(false);
        return new TokenDefinition(token.Symbol, address.Address, token.Decimals);
    }

    /// <summary>Deploys one price feed (<c>MeshPriceFeed</c>, AggregatorV3-shaped) that the deployer updates, and publishes its initial answer if it has one.</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deployed feed.</returns>
    public async Task<DeployedPriceFeed> DeployPriceFeedAsync(PriceFeedSpec feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentOutOfRangeException.ThrowIfNegative(feed.Decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(feed.Decimals, 36);
        var address = await CreateAsync("MeshPriceFeed", cancellationToken,
            new ABIValue("uint8", feed.Decimals), new ABIValue("string", feed.Description),
            new ABIValue("address", _deployer.Address)).ConfigureAwait(false);
        if (feed.InitialAnswer is { } answer)
        {
            await PublishPriceAsync(address.Address, answer, cancellationToken).ConfigureAwait(false);
        }

        return new DeployedPriceFeed(feed.Description, address.Address, feed.Decimals);
    }

    /// <summary>Mints test tokens (the deployer holds the minter role).</summary>
    /// <param name="token">The token address.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="amount">The amount in base units.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transaction hash.</returns>
    public Task<Bytes32> MintAsync(string token, string to, UInt128 amount, CancellationToken cancellationToken = default) =>
        CallAsync(_deployer, token, VaultAbi.Call("mint(address,uint256)", new ABIValue("address", to), new ABIValue("uint256", (BigInteger)amount)), cancellationToken);

    /// <summary>Approves a spender (the vault) for an owner's tokens, signed by the owner.</summary>
    /// <param name="owner">The owner's key.</param>
    /// <param name="token">The token address.</param>
    /// <param name="spender">The spender.</param>
    /// <param name="amount">The allowance in base units.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transaction hash.</returns>
    public Task<Bytes32> ApproveAsync(EvmSigningKey owner, string token, string spender, UInt128 amount, CancellationToken cancellationToken = default) =>
        CallAsync(owner, token, VaultAbi.Call("approve(address,uint256)", new ABIValue("address", spender), new ABIValue("uint256", (BigInteger)amount)), cancellationToken);

    /// <summary>Transfers tokens, signed by the holder (e.g. to fund a bridge escrow).</summary>
    /// <param name="holder">The holder's key.</param>
    /// <param name="token">The token address.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="amount">The amount in base units.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transaction hash.</returns>
    public Task<Bytes32> TransferAsync(EvmSigningKey holder, string token, string to, UInt128 amount, CancellationToken cancellationToken = default) =>
        CallAsync(holder, token, VaultAbi.Call("transfer(address,uint256)", new ABIValue("address", to), new ABIValue("uint256", (BigInteger)amount)), cancellationToken);

    /// <summary>Publishes a price feed answer as a new round.</summary>
    /// <param name="feed">The feed address.</param>
    /// <param name="answer">The answer in the feed's decimals.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transaction hash.</returns>
    public Task<Bytes32> PublishPriceAsync(string feed, long answer, CancellationToken cancellationToken = default) =>
        CallAsync(_deployer, feed, VaultAbi.Call("updateAnswer(int256)", new ABIValue("int256", new BigInteger(answer))), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _rpc.Dispose();

    private async Task<Bytes32> CallAsync(EvmSigningKey key, string to, string data, CancellationToken cancellationToken)
    {
        var receipt = await _transactor.SendAsync(key, to, data, _options.DeploymentGasLimit, ReceiptTimeout, cancellationToken).ConfigureAwait(false);
        return Bytes32.Parse(receipt.TransactionHash);
    }

    private async Task<(string Address, ulong Block)> CreateAsync(string contract, CancellationToken cancellationToken, params ABIValue[] arguments)
    {
        var data = _artifacts.Bytecode(contract) + VaultAbi.Arguments(arguments);
        var receipt = await _transactor.SendAsync(_deployer, null, data, _options.DeploymentGasLimit, ReceiptTimeout, cancellationToken).ConfigureAwait(false);
        return (receipt.ContractAddress.ToLowerInvariant(), (ulong)receipt.BlockNumber.Value);
    }
}
