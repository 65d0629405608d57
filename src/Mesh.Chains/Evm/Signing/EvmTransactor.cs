using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Rpc;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Mesh.Chains.Evm.Signing;

/// <summary>Signs, sends and awaits plain transactions (deployments, minting, approvals) for set-up and tests.</summary>
internal sealed class EvmTransactor(RpcGateway rpc, string chainName, ulong chainId, EvmChainOptions options, TimeProvider time)
{
    private static readonly TimeSpan ReceiptPoll = TimeSpan.FromMilliseconds(20);

    public string ChainName => chainName;

    /// <summary>Sends one transaction and waits for its receipt; throws when it reverted.</summary>
    public async Task<TransactionReceipt> SendAsync(EvmSigningKey key, string? to, string data, ulong gasLimit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Bytes32 hash;
        var gate = SigningLocks.Process.For(chainId, key.Address);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var count = await rpc.ReadAsync<HexBigInteger>("eth_getTransactionCount", cancellationToken, key.Address, "pending").ConfigureAwait(false);
            var (raw, signed) = TransactionSigner.Sign(key, chainId, (ulong)count.Value, to, data, gasLimit, options);
            await rpc.WriteAsync<string>("eth_sendRawTransaction", cancellationToken, raw).ConfigureAwait(false);
            hash = signed;
        }
        finally
        {
            gate.Release();
        }

        var receipt = await WaitAsync(hash, timeout, cancellationToken).ConfigureAwait(false);
        return receipt.Status?.Value == 1
            ? receipt
            : throw new ChainClientException(chainName, ChainErrorKind.Rejected, EvmErrorCodes.Reverted,
                $"Chain '{chainName}': transaction {hash} to {to ?? "(deployment)"} reverted.");
    }

    /// <summary>Polls for a receipt until <paramref name="timeout"/>.</summary>
    public async Task<TransactionReceipt> WaitAsync(Bytes32 hash, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var receipt = await rpc.ReadAsync<TransactionReceipt?>("eth_getTransactionReceipt", cancellationToken, hash.ToString()).ConfigureAwait(false);
            if (receipt?.BlockHash is not null)
            {
                return receipt;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new ChainClientException(chainName, ChainErrorKind.Timeout, ChainErrorCodes.Timeout,
                    $"Chain '{chainName}': no receipt for transaction {hash} within {timeout}.");
            }

            await Task.Delay(ReceiptPoll, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
