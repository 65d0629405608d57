using System.Collections.Concurrent;
using System.Numerics;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Abi;
using Mesh.Chains.Evm.Rpc;
using Mesh.Chains.Feeds;
using Microsoft.Extensions.Logging;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Mesh.Chains.Evm.Feeds;

/// <summary>
/// Reads AggregatorV3-shaped feeds with <c>eth_call</c> through each chain's RPC endpoints (the same failover, circuit
/// breakers and read retries as the chain client; in a silo, the chain client's own gateway, so one circuit per
/// endpoint). A feed's <c>decimals()</c> is checked against chains.json on its first read.
/// </summary>
internal sealed class EvmPriceFeedReader : IPriceFeedReader, IDisposable
{
    private static readonly string LatestRoundData = VaultAbi.Call("latestRoundData()");
    private static readonly string DecimalsCall = VaultAbi.Call("decimals()");

    private readonly Dictionary<string, (ChainDefinition Chain, RpcGateway Rpc)> _chains;
    private readonly List<RpcGateway> _owned = [];
    private readonly ConcurrentDictionary<string, bool> _decimalsChecked = new(StringComparer.Ordinal);

    /// <summary>Creates the reader.</summary>
    /// <param name="configuration">The chains and their feeds.</param>
    /// <param name="options">RPC options, for the gateways the reader opens itself.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="shared">
    /// The gateways of the chain clients by chain name, used instead of opening new ones, so that an endpoint has one
    /// circuit per process: a failing endpoint the clients have stopped calling is not called by the feeds either.
    /// The reader does not dispose them.
    /// </param>
    public EvmPriceFeedReader(ChainsConfiguration configuration, EvmChainOptions options, TimeProvider time, ILogger logger, IReadOnlyDictionary<string, RpcGateway>? shared = null)
    {
        _chains = configuration.Chains
            .Where(c => c.PriceFeeds.Count > 0)
            .ToDictionary(c => c.Name, c => (c, shared?.GetValueOrDefault(c.Name) ?? Owned(new RpcGateway(c.Name, c.RpcUrls, options, time, logger))), StringComparer.Ordinal);
    }

    public async Task<PriceFeedRound> ReadLatestAsync(string chain, string asset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(asset);
        if (!_chains.TryGetValue(chain, out var entry) || entry.Chain.PriceFeeds.FirstOrDefault(f => f.Asset == asset) is not { } feed)
        {
            throw new ChainClientException(chain, ChainErrorKind.Rejected, PriceFeedErrorCodes.UnknownFeed,
                $"Chain '{chain}' has no price feed of '{asset}' in chains.json.");
        }

        var key = $"{chain}/{asset}";
        if (!_decimalsChecked.ContainsKey(key))
        {
            var decimals = Word(await CallAsync(entry.Rpc, chain, feed, DecimalsCall, cancellationToken).ConfigureAwait(false), 1, chain, feed, "decimals()");
            if (decimals[0] != feed.Decimals)
            {
                throw new ChainClientException(chain, ChainErrorKind.InvalidResponse, PriceFeedErrorCodes.DecimalsMismatch,
                    $"The {asset} price feed on '{chain}' ({feed.Address}) answers with {decimals[0]} decimals; chains.json says {feed.Decimals}.");
            }

            _decimalsChecked[key] = true;
        }

        var words = Word(await CallAsync(entry.Rpc, chain, feed, LatestRoundData, cancellationToken).ConfigureAwait(false), 5, chain, feed, "latestRoundData()");
        var head = await entry.Rpc.ReadAsync<BlockWithTransactionHashes?>("eth_getBlockByNumber", cancellationToken, "latest", false).ConfigureAwait(false)
            ?? throw new ChainClientException(chain, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse, $"Chain '{chain}': the node has no latest block.");
        return PriceFeedAnswer.Check(chain, feed, words, DateTimeOffset.FromUnixTimeSeconds((long)head.Timestamp.Value));
    }

    public void Dispose()
    {
        foreach (var rpc in _owned)
        {
            rpc.Dispose();
        }
    }

    private RpcGateway Owned(RpcGateway rpc)
    {
        _owned.Add(rpc);
        return rpc;
    }

    private static async Task<byte[]> CallAsync(RpcGateway rpc, string chain, PriceFeedDefinition feed, string data, CancellationToken cancellationToken)
    {
        try
        {
            var result = await rpc.ReadAsync<string>("eth_call", cancellationToken, new CallInput(data, feed.Address), "latest").ConfigureAwait(false);
            return result.HexToByteArray();
        }
        catch (RpcResponseException exception)
        {
            // A feed without rounds reverts (Chainlink's "No data present", MeshPriceFeed's NoDataPresent).
            throw new ChainClientException(chain, ChainErrorKind.InvalidResponse, PriceFeedErrorCodes.NoData,
                $"The {feed.Asset} price feed on '{chain}' ({feed.Address}) has no answer: the call reverted ({exception.RpcError?.Message}).", exception);
        }
    }

    private static BigInteger[] Word(byte[] data, int count, string chain, PriceFeedDefinition feed, string call)
    {
        if (data.Length != count * 32)
        {
            throw new ChainClientException(chain, ChainErrorKind.InvalidResponse, PriceFeedErrorCodes.InvalidAnswer,
                $"The {feed.Asset} price feed on '{chain}' ({feed.Address}) answered {call} with {data.Length} bytes, not {count} words (is a feed deployed there?).");
        }

        var words = new BigInteger[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = VaultAbi.Word(data, i);
        }

        return words;
    }
}
