using System.Data.Common;
using System.Globalization;
using Mesh.Chains.Clients;
using Mesh.Chains.Diagnostics;
using Mesh.Chains.Evm.Abi;
using Mesh.Chains.Evm.Signing;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Mesh.Chains.Evm;

internal sealed partial class EvmChainClient
{
    public async Task<OperationSubmission> SubmitAsync(ChainOperation operation, CancellationToken cancellationToken = default)
    {
        var valid = ChainOperationValidator.Validate(_chain, operation);
        var token = TokenAddress(valid.Token);
        var protocol = Protocol(valid.ProtocolId);
        var payload = Payload(valid, protocol, token);
        var data = VaultAbi.Movement(valid.Kind, valid.Id, protocol, token, valid.Account, valid.Amount);
        return await ObserveAsync(ChainRpcMethods.Submit, async ct =>
        {
            // Nonce allocation, signing and sending are serialized per key (across processes with a shared store);
            // receipts are awaited by callers in parallel.
            var lease = await _store.LockAsync(_chain.ChainId, _signer.Address, ct).ConfigureAwait(false);
            await using (lease.ConfigureAwait(false))
            {
                return await SubmitLockedAsync(valid, payload, data, lease, ct).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The canonical payload of a validated operation: a different payload under a stored id is a conflict.</summary>
    internal static string Payload(ChainOperation operation, Bytes32 protocol, string token) =>
        string.Create(CultureInfo.InvariantCulture, $"{operation.Kind}|{protocol}|{operation.Account}|{token}|{operation.Amount}");

    private async Task<OperationSubmission> SubmitLockedAsync(ChainOperation operation, string payload, string data, ISigningLease lease, CancellationToken cancellationToken)
    {
        var stored = await _store.FindAsync(_scope, operation.Id, cancellationToken).ConfigureAwait(false);
        var status = await StatusAsync(operation.Id, stored, cancellationToken).ConfigureAwait(false);
        if (IsLive(status))
        {
            var same = status.Movement is { } movement ? Matches(movement, operation) : stored?.Payload == payload;
            return same
                ? new OperationSubmission(operation.Id, status.TransactionHash!.Value, AlreadyKnown: true)
                : throw ChainClientException.Rejected(ChainName, ChainErrorCodes.OperationConflict,
                    $"Chain '{ChainName}' already holds a different operation under id {operation.Id} (transaction {status.TransactionHash}).");
        }

        if (status.State == OperationState.Unknown && stored is not null && stored.Payload == payload
            && await ResendAsync(stored, lease, cancellationToken).ConfigureAwait(false))
        {
            return new OperationSubmission(operation.Id, stored.Hash, AlreadyKnown: false);
        }

        return await SendNewAsync(operation, payload, data, lease, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the chain holds a transaction for the id that may not be replaced: anything but Unknown and Failed.</summary>
    private static bool IsLive(OperationStatus status) =>
        status.State is OperationState.Pending or OperationState.Included or OperationState.Final;

    private static bool Matches(MovementEvent movement, ChainOperation operation) =>
        movement.Kind == operation.Kind
        && string.Equals(movement.ProtocolId, operation.ProtocolId, StringComparison.Ordinal)
        && string.Equals(movement.Account, operation.Account, StringComparison.OrdinalIgnoreCase)
        && string.Equals(movement.Token, operation.Token, StringComparison.Ordinal)
        && movement.Amount == operation.Amount;

    /// <summary>Sends the stored signed bytes again (same nonce, same hash); false when their nonce was taken meanwhile.</summary>
    private async Task<bool> ResendAsync(StoredTransaction stored, ISigningLease lease, CancellationToken cancellationToken)
    {
        await EnsureHeldAsync(lease, stored.OperationId, cancellationToken).ConfigureAwait(false);
        try
        {
            await _rpc.WriteAsync<string>("eth_sendRawTransaction", cancellationToken, stored.Raw).ConfigureAwait(false);
            EvmLog.Resent(_logger, ChainName, stored.OperationId.ToString(), stored.Hash.ToString());
            return true;
        }
        catch (RpcResponseException exception)
        {
            if (await NodeHoldsAsync(stored.Hash, exception, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            EvmLog.NonceTaken(_logger, ChainName, stored.OperationId.ToString(), stored.Nonce);
            return false;
        }
    }

    private async Task<OperationSubmission> SendNewAsync(ChainOperation operation, string payload, string data, ISigningLease lease, CancellationToken cancellationToken)
    {
        var nonce = await NextNonceAsync(cancellationToken).ConfigureAwait(false);
        var (raw, hash) = TransactionSigner.Sign(_signer, _chain.ChainId, nonce, _vault, data, _options.OperationGasLimit, _options);
        var record = new StoredTransaction(operation.Id, payload, _signer.Address, nonce, hash, raw);

        // Written before it is sent: after a crash the same bytes are resent rather than a second transaction signed.
        await _store.SaveAsync(_scope, record, cancellationToken).ConfigureAwait(false);
        await EnsureHeldAsync(lease, operation.Id, cancellationToken).ConfigureAwait(false);
        try
        {
            await _rpc.WriteAsync<string>("eth_sendRawTransaction", cancellationToken, raw).ConfigureAwait(false);
        }
        catch (RpcResponseException exception)
        {
            if (!await NodeHoldsAsync(hash, exception, cancellationToken).ConfigureAwait(false))
            {
                await _store.RemoveAsync(_scope, record, CancellationToken.None).ConfigureAwait(false);
                var reason = exception.RpcError?.Message ?? exception.Message;
                EvmLog.SendRefused(_logger, ChainName, operation.Id.ToString(), hash.ToString(), reason);
                throw IsNonceRace(reason)
                    ? new ChainClientException(ChainName, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable,
                        $"Chain '{ChainName}': nonce {nonce} of {_signer.Address} was taken meanwhile ({reason}); submit again.", exception)
                    : new ChainClientException(ChainName, ChainErrorKind.Rejected, EvmErrorCodes.TransactionRejected,
                        $"Chain '{ChainName}' refused the transaction of operation {operation.Id}: {reason}", exception);
            }
        }

        EvmLog.Sent(_logger, ChainName, operation.Id.ToString(), hash.ToString(), nonce, _signer.Address);
        return new OperationSubmission(operation.Id, hash, AlreadyKnown: false);
    }

    /// <summary>
    /// The account's next nonce as the node sees it, pending transactions included. The store's next nonce only
    /// warns when the chain went back (a reorganisation or a fresh chain): using it would leave a gap no block fills.
    /// </summary>
    private async Task<ulong> NextNonceAsync(CancellationToken cancellationToken)
    {
        var count = await _rpc.ReadAsync<HexBigInteger>("eth_getTransactionCount", cancellationToken, _signer.Address, "pending").ConfigureAwait(false);
        var chainNonce = (ulong)count.Value;
        var storedNonce = await _store.NextNonceAsync(_scope, _signer.Address, cancellationToken).ConfigureAwait(false);
        if (storedNonce is { } next && next > chainNonce)
        {
            EvmLog.NonceWentBack(_logger, ChainName, _signer.Address, next, chainNonce);
        }

        return chainNonce;
    }

    /// <summary>Whether the node holds the transaction although the send answered an error ("already known", or mined and reverted).</summary>
    private async Task<bool> NodeHoldsAsync(Bytes32 hash, RpcResponseException exception, CancellationToken cancellationToken)
    {
        var message = exception.RpcError?.Message ?? string.Empty;
        if (message.Contains("already known", StringComparison.OrdinalIgnoreCase)
            || message.Contains("known transaction", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already imported", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var held = await _rpc.ReadAsync<Transaction?>("eth_getTransactionByHash", cancellationToken, hash.ToString()).ConfigureAwait(false);
        return held is not null;
    }

    /// <summary>
    /// Checks that the signing lock still holds before a send. When it was lost (a shared store's session ended),
    /// nothing is sent: the stored record stays, and a later submission resends it or, if its nonce was taken, signs anew.
    /// </summary>
    private async Task EnsureHeldAsync(ISigningLease lease, OperationId operation, CancellationToken cancellationToken)
    {
        try
        {
            await lease.EnsureHeldAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            EvmLog.SigningLockLost(_logger, ChainName, _signer.Address, operation.ToString(), exception.Message);
            throw new ChainClientException(ChainName, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable,
                $"Chain '{ChainName}': the signing lock of {_signer.Address} was lost before operation {operation} was sent ({exception.Message}); nothing was sent, submit again.", exception);
        }
    }

    /// <summary>
    /// Whether a refusal says that the nonce is no longer free: used, or held by another pending transaction (fees
    /// are fixed, so a second transaction of the same nonce is always an underpriced replacement).
    /// </summary>
    private static bool IsNonceRace(string reason) =>
        reason.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
        || reason.Contains("nonce has already been used", StringComparison.OrdinalIgnoreCase)
        || reason.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase);
}
