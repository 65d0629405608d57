using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Diagnostics;
using Mesh.Chains.Evm.Abi;
using Mesh.Chains.Evm.Rpc;
using Mesh.Chains.Evm.Signing;
using Microsoft.Extensions.Logging;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Mesh.Chains.Evm;

/// <summary>
/// <see cref="IChainClient"/> over a real EVM chain: vault operations are transactions to the mesh's
/// <c>MeshVault</c>, signed here with the mesh's key and sent through <see cref="RpcGateway"/>; their status and the
/// movements come from receipts and the vault's <c>Movement</c> events.
/// </summary>
internal sealed partial class EvmChainClient : IChainClient, IDisposable
{
    private readonly ChainDefinition _chain;
    private readonly EvmSigningKey _signer;
    private readonly EvmChainOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RpcGateway _rpc;
    private readonly EvmTransactionStore _store;
    private readonly bool _ownsStore;
    private readonly string _vault;
    private readonly string _scope;
    private readonly Dictionary<string, string> _tokenAddresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Bytes32, string> _protocols = new();
    private readonly ConcurrentDictionary<(Bytes32 Hash, string Block), (string Code, string Reason)> _reverts = new();
    private readonly MovementLogDecoder _decoder;

    /// <summary>Creates the client of one chain.</summary>
    /// <param name="chain">The chain, with its deployed vault and tokens.</param>
    /// <param name="signer">The mesh's signing key on the chain.</param>
    /// <param name="options">RPC, fee and store options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="store">The transaction store, which the caller disposes; a SQLite store at <see cref="EvmChainOptions.TransactionStorePath"/> of the client's own when <see langword="null"/>.</param>
    public EvmChainClient(ChainDefinition chain, EvmSigningKey signer, EvmChainOptions options, TimeProvider time, ILogger logger, EvmTransactionStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _chain = chain;
        _signer = signer;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger;
        _vault = chain.Contracts.Vault.ToLowerInvariant();
        _scope = Scope(chain.ChainId, _vault);
        foreach (var token in chain.Tokens)
        {
            _tokenAddresses[token.Address.ToLowerInvariant()] = token.Symbol;
        }

        _decoder = new MovementLogDecoder(chain.Name, _tokenAddresses, key => _protocols.GetValueOrDefault(key));
        _rpc = new RpcGateway(chain.Name, chain.RpcUrls, options, _time, logger);
        _ownsStore = store is null;
        _store = store ?? new SqliteTransactionStore(options.TransactionStorePath, SigningLocks.Process);
    }

    public string ChainName => _chain.Name;

    public int Confirmations => _chain.Confirmations;

    /// <summary>The signing address of the mesh on this chain.</summary>
    public string Signer => _signer.Address;

    /// <summary>The RPC endpoints in order of preference, with their circuit state.</summary>
    internal IReadOnlyList<RpcEndpoint> Endpoints => _rpc.Endpoints;

    /// <summary>The chain's RPC gateway (its endpoints' circuits), which the price feed reader shares.</summary>
    internal RpcGateway Rpc => _rpc;

    public Task<BlockHeader> GetHeadAsync(CancellationToken cancellationToken = default) =>
        ObserveAsync(ChainRpcMethods.GetHead, HeadAsync, cancellationToken);

    public Task<BlockHeader> GetFinalizedHeadAsync(CancellationToken cancellationToken = default) =>
        ObserveAsync(ChainRpcMethods.GetFinalizedHead, FinalizedHeadAsync, cancellationToken);

    public Task<BlockHeader?> GetBlockAsync(ulong number, CancellationToken cancellationToken = default) =>
        ObserveAsync(ChainRpcMethods.GetBlock, ct => BlockAsync(Hex(number), ct), cancellationToken);

    public Task<UInt128> GetBalanceAsync(string token, string account, CancellationToken cancellationToken = default)
    {
        var address = TokenAddress(token);
        var holder = ChainAddress.TryNormalize(account, out var normalized)
            ? normalized
            : throw new ArgumentException($"'{account}' is not an address (0x and 40 hex digits).", nameof(account));
        return ObserveAsync(ChainRpcMethods.GetBalance, ct => CallUIntAsync(address, VaultAbi.BalanceOf(holder), ct), cancellationToken);
    }

    public Task<UInt128> GetVaultBalanceAsync(string token, string protocolId, CancellationToken cancellationToken = default)
    {
        var address = TokenAddress(token);
        var protocol = Protocol(protocolId);
        return ObserveAsync(ChainRpcMethods.GetVaultBalance, ct => CallUIntAsync(_vault, VaultAbi.ProtocolBalance(protocol, address), ct), cancellationToken);
    }

    public Task<IReadOnlyList<MovementEvent>> GetMovementsAsync(ulong fromBlock, ulong toBlock, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromBlock, toBlock);
        return ObserveAsync<IReadOnlyList<MovementEvent>>(ChainRpcMethods.GetMovements, async ct =>
        {
            var head = await HeadNumberAsync(ct).ConfigureAwait(false);
            if (fromBlock > head)
            {
                return [];
            }

            return await MovementsAsync(fromBlock, Math.Min(toBlock, head), null, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public void Dispose()
    {
        _rpc.Dispose();
        if (_ownsStore)
        {
            _store.Dispose();
        }
    }

    /// <summary>The store scope of a chain's vault: the chain id and the vault address.</summary>
    internal static string Scope(ulong chainId, string vault) =>
        string.Create(CultureInfo.InvariantCulture, $"{chainId}:{vault.ToLowerInvariant()}");

    private async Task<BlockHeader> HeadAsync(CancellationToken cancellationToken) =>
        await BlockAsync("latest", cancellationToken).ConfigureAwait(false)
        ?? throw Invalid("the node has no latest block");

    private async Task<BlockHeader> FinalizedHeadAsync(CancellationToken cancellationToken)
    {
        var head = await HeadAsync(cancellationToken).ConfigureAwait(false);
        var confirmations = (ulong)_chain.Confirmations;
        var number = head.Number >= confirmations ? head.Number - confirmations : 0;
        return number == head.Number
            ? head
            : await BlockAsync(Hex(number), cancellationToken).ConfigureAwait(false) ?? throw Invalid($"the node lost block {number}");
    }

    private async Task<BlockHeader?> BlockAsync(string number, CancellationToken cancellationToken)
    {
        var block = await _rpc.ReadAsync<BlockWithTransactionHashes?>("eth_getBlockByNumber", cancellationToken, number, false).ConfigureAwait(false);
        return block is null
            ? null
            : new BlockHeader(
                (ulong)block.Number.Value,
                Bytes32.Parse(block.BlockHash),
                Bytes32.Parse(block.ParentHash),
                DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value));
    }

    private async Task<ulong> HeadNumberAsync(CancellationToken cancellationToken) =>
        (ulong)(await _rpc.ReadAsync<HexBigInteger>("eth_blockNumber", cancellationToken).ConfigureAwait(false)).Value;

    private async Task<UInt128> CallUIntAsync(string to, string data, CancellationToken cancellationToken)
    {
        var result = await _rpc.ReadAsync<string>("eth_call", cancellationToken, new CallInput(data, to), "latest").ConfigureAwait(false);
        var bytes = result.HexToByteArray();
        return bytes.Length == 32
            ? VaultAbi.Amount(new BigInteger(bytes, isUnsigned: true, isBigEndian: true))
            : throw Invalid($"a call to {to} returned {bytes.Length} bytes, not one word (is the contract deployed?)");
    }

    /// <summary>The vault's Movement events in a block range, optionally of one operation id (an indexed bytes32 topic).</summary>
    private async Task<IReadOnlyList<MovementEvent>> MovementsAsync(ulong fromBlock, ulong toBlock, OperationId? operation, CancellationToken cancellationToken)
    {
        object[] topics = operation is { } id ? [VaultAbi.MovementTopic, id.ToString()] : [VaultAbi.MovementTopic];
        var filter = new NewFilterInput
        {
            Address = [_vault],
            FromBlock = new BlockParameter(fromBlock),
            ToBlock = new BlockParameter(toBlock),
            Topics = topics,
        };
        var logs = await _rpc.ReadAsync<FilterLog[]?>("eth_getLogs", cancellationToken, filter).ConfigureAwait(false)
            ?? throw Invalid($"the node answered eth_getLogs for blocks {fromBlock}-{toBlock} with null");
        var events = new List<MovementEvent>(logs.Length);
        foreach (var log in logs)
        {
            if (Decode(log) is not { } movement)
            {
                continue;
            }

            if (movement.BlockNumber < fromBlock || movement.BlockNumber > toBlock)
            {
                throw Invalid($"asked eth_getLogs for blocks {fromBlock}-{toBlock}, the node answered a log of block {movement.BlockNumber} (transaction {movement.TransactionHash})");
            }

            if (events.Count > 0 && (events[^1].BlockNumber, events[^1].LogIndex).CompareTo((movement.BlockNumber, movement.LogIndex)) >= 0)
            {
                throw Invalid($"the node answered eth_getLogs for blocks {fromBlock}-{toBlock} out of order: block {movement.BlockNumber} log {movement.LogIndex} after block {events[^1].BlockNumber} log {events[^1].LogIndex}");
            }

            events.Add(movement);
        }

        return events;
    }

    private MovementEvent? Decode(FilterLog log)
    {
        if (!string.Equals(log.Address, _vault, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return _decoder.Decode(log);
        }
        catch (FormatException exception)
        {
            throw new ChainClientException(ChainName, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse,
                $"Chain '{ChainName}': a Movement log of transaction {log.TransactionHash} cannot be read: {exception.Message}", exception);
        }
    }

    private async Task<T> ObserveAsync<T>(string method, Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var activity = ChainRpcTelemetry.Start(ChainName, method);
        string? error = null;
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcResponseException exception)
        {
            error = ChainErrorCodes.InvalidResponse;
            throw new ChainClientException(ChainName, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse,
                $"Chain '{ChainName}': the node answered {method} with error {exception.RpcError?.Code}: {exception.RpcError?.Message}", exception);
        }
        catch (DbException exception)
        {
            error = ChainErrorCodes.Unavailable;
            throw new ChainClientException(ChainName, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable,
                $"Chain '{ChainName}': the EVM transaction store ({_store.Description}) failed {method}: {exception.Message}", exception);
        }
        catch (Exception exception)
        {
            error = exception is ChainClientException chainError ? chainError.Code : exception.GetType().FullName;
            throw;
        }
        finally
        {
            ChainRpcTelemetry.Record(activity, ChainName, method, _time.GetElapsedTime(started), error);
        }
    }

    private string TokenAddress(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _chain.FindToken(token)?.Address.ToLowerInvariant() ?? throw ChainOperationValidator.UnknownToken(_chain, token);
    }

    private Bytes32 Protocol(string protocolId)
    {
        var key = ProtocolIds.Encode(protocolId);
        _protocols.TryAdd(key, protocolId);
        return key;
    }

    private ChainClientException Invalid(string why) =>
        new(ChainName, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse, $"Chain '{ChainName}': {why}.");

    private static string Hex(ulong number) => new HexBigInteger(number).HexValue;
}
