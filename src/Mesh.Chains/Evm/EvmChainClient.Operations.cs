using Mesh.Chains.Clients;
using Mesh.Chains.Diagnostics;
using Mesh.Chains.Evm.Abi;
using Mesh.Chains.Evm.Signing;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Newtonsoft.Json.Linq;

namespace Mesh.Chains.Evm;

internal sealed partial class EvmChainClient
{
    public Task<OperationStatus> GetOperationAsync(OperationId operationId, CancellationToken cancellationToken = default) =>
        ObserveAsync(ChainRpcMethods.GetOperation, async ct =>
        {
            var stored = await _store.FindAsync(_scope, operationId, ct).ConfigureAwait(false);
            return await StatusAsync(operationId, stored, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// The status of an operation: the receipt of the transaction this client sent for it, else the vault's Movement
    /// event of the id (another transaction, another process), else whether the node still holds the transaction.
    /// </summary>
    private async Task<OperationStatus> StatusAsync(OperationId id, StoredTransaction? stored, CancellationToken cancellationToken)
    {
        var head = await HeadNumberAsync(cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            var receipt = await _rpc.ReadAsync<TransactionReceipt?>("eth_getTransactionReceipt", cancellationToken, stored.Hash.ToString()).ConfigureAwait(false);
            if (receipt?.BlockHash is not null)
            {
                var status = await FromReceiptAsync(id, receipt, head, cancellationToken).ConfigureAwait(false);
                if (status.FailureCode != ChainErrorCodes.OperationConflict)
                {
                    return status;
                }

                // Reverted because the id was used: report the movement that used it, if the chain still holds it.
                return await FromLogsAsync(id, head, cancellationToken).ConfigureAwait(false) ?? status;
            }
        }

        if (await FromLogsAsync(id, head, cancellationToken).ConfigureAwait(false) is { } moved)
        {
            return moved;
        }

        if (stored is not null)
        {
            var pending = await _rpc.ReadAsync<Transaction?>("eth_getTransactionByHash", cancellationToken, stored.Hash.ToString()).ConfigureAwait(false);
            if (pending is not null)
            {
                return new OperationStatus(id, OperationState.Pending, stored.Hash);
            }
        }

        return new OperationStatus(id, OperationState.Unknown);
    }

    private async Task<OperationStatus?> FromLogsAsync(OperationId id, ulong head, CancellationToken cancellationToken)
    {
        var movements = await MovementsAsync(_options.LogsFromBlock, head, id, cancellationToken).ConfigureAwait(false);
        if (movements.Count == 0)
        {
            return null;
        }

        var movement = movements[0];
        return new OperationStatus(
            id, State(movement.BlockNumber, head, reverted: false), movement.TransactionHash, movement.BlockNumber,
            movement.BlockHash, head - movement.BlockNumber, Movement: movement);
    }

    private async Task<OperationStatus> FromReceiptAsync(OperationId id, TransactionReceipt receipt, ulong head, CancellationToken cancellationToken)
    {
        var block = (ulong)receipt.BlockNumber.Value;
        var hash = Bytes32.Parse(receipt.TransactionHash);
        var confirmations = head >= block ? head - block : 0;
        if (receipt.Status?.Value == 1)
        {
            var movement = (receipt.Logs ?? []).Select(Decode).FirstOrDefault(m => m is not null && m.OperationId == id);
            return new OperationStatus(id, State(block, head, reverted: false), hash, block, Bytes32.Parse(receipt.BlockHash), confirmations, Movement: movement);
        }

        var (code, reason) = await RevertAsync(hash, receipt, cancellationToken).ConfigureAwait(false);
        return new OperationStatus(id, State(block, head, reverted: true), hash, block, Bytes32.Parse(receipt.BlockHash), confirmations, code, reason);
    }

    private OperationState State(ulong block, ulong head, bool reverted)
    {
        var final = head >= block && head - block >= (ulong)_chain.Confirmations;
        return (final, reverted) switch
        {
            (false, _) => OperationState.Included,
            (true, false) => OperationState.Final,
            (true, true) => OperationState.Failed,
        };
    }

    /// <summary>Why a mined transaction reverted: it is replayed with <c>eth_call</c> on the state before its block.</summary>
    private async Task<(string Code, string Reason)> RevertAsync(Bytes32 hash, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        var key = (hash, receipt.BlockHash);
        if (_reverts.TryGetValue(key, out var known))
        {
            return known;
        }

        var transaction = await _rpc.ReadAsync<Transaction?>("eth_getTransactionByHash", cancellationToken, hash.ToString()).ConfigureAwait(false);
        if (transaction is null)
        {
            return (EvmErrorCodes.Reverted, "The transaction reverted; the node no longer serves it.");
        }

        var before = receipt.BlockNumber.Value > 0 ? receipt.BlockNumber.Value - 1 : 0;
        var call = new CallInput(transaction.Input, transaction.To, transaction.From, transaction.Gas, new HexBigInteger(0));
        (string Code, string Reason) result;
        try
        {
            await _rpc.ReadAsync<string>("eth_call", cancellationToken, call, new HexBigInteger(before).HexValue).ConfigureAwait(false);
            result = (EvmErrorCodes.Reverted, "The transaction reverted, but not when replayed on the state before its block.");
        }
        catch (RpcResponseException exception)
        {
            result = RevertDecoder.Decode(RevertData(exception.RpcError?.Data));
        }

        _reverts[key] = result;
        return result;
    }

    /// <summary>The revert data of a JSON-RPC error: a hex string, or an object with a <c>data</c> member.</summary>
    internal static string? RevertData(object? data) => data switch
    {
        null => null,
        string text => text,
        JValue value => value.Value?.ToString(),
        JObject obj => RevertData(obj["data"]),
        _ => data.ToString(),
    };
}
