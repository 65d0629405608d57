using Microsoft.Extensions.Logging;

namespace Mesh.Chains.Evm;

/// <summary>The log messages of the EVM client (event ids 4100-4199). Keys never appear in them.</summary>
internal static partial class EvmLog
{
    [LoggerMessage(4100, LogLevel.Warning, "Chain {Chain}: the circuit of RPC endpoint {Endpoint} opened for {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, string chain, string endpoint, TimeSpan breakDuration);

    [LoggerMessage(4101, LogLevel.Information, "Chain {Chain}: the circuit of RPC endpoint {Endpoint} closed")]
    public static partial void CircuitClosed(ILogger logger, string chain, string endpoint);

    [LoggerMessage(4102, LogLevel.Debug, "Chain {Chain}: RPC endpoint {Endpoint} failed {Method} with {Code}")]
    public static partial void EndpointFailed(ILogger logger, string chain, string endpoint, string method, string code);

    [LoggerMessage(4110, LogLevel.Information, "Chain {Chain}: sent operation {OperationId} as transaction {TransactionHash} (nonce {Nonce}, signer {Signer})")]
    public static partial void Sent(ILogger logger, string chain, string operationId, string transactionHash, ulong nonce, string signer);

    [LoggerMessage(4111, LogLevel.Information, "Chain {Chain}: resent the stored transaction {TransactionHash} of operation {OperationId}")]
    public static partial void Resent(ILogger logger, string chain, string operationId, string transactionHash);

    [LoggerMessage(4112, LogLevel.Warning, "Chain {Chain}: the nonce {Nonce} of operation {OperationId} was taken by another transaction; signing it anew")]
    public static partial void NonceTaken(ILogger logger, string chain, string operationId, ulong nonce);

    [LoggerMessage(4113, LogLevel.Warning, "Chain {Chain}: the node refused transaction {TransactionHash} of operation {OperationId}: {Reason}")]
    public static partial void SendRefused(ILogger logger, string chain, string operationId, string transactionHash, string reason);

    [LoggerMessage(4114, LogLevel.Warning, "Chain {Chain}: the account nonce of {Signer} went back from {Stored} to {ChainNonce}: a reorganisation or a fresh chain")]
    public static partial void NonceWentBack(ILogger logger, string chain, string signer, ulong stored, ulong chainNonce);

    [LoggerMessage(4115, LogLevel.Warning, "Chain id {ChainId}: the signing lock of {Signer} could not be released cleanly ({Reason}); its PostgreSQL session ends with the broken connection")]
    public static partial void SigningLockReleaseFailed(ILogger logger, ulong chainId, string signer, string reason);

    [LoggerMessage(4116, LogLevel.Warning, "Chain {Chain}: the signing lock of {Signer} was lost before operation {OperationId} was sent ({Reason}); nothing was sent")]
    public static partial void SigningLockLost(ILogger logger, string chain, string signer, string operationId, string reason);
}
