using Mesh.Chains.Clients;

namespace Mesh.Chains.Evm.Signing;

/// <summary>The signed transaction that carries one operation, kept so that a resend has the same nonce and hash.</summary>
/// <param name="OperationId">The operation.</param>
/// <param name="Payload">The operation's canonical payload; a different payload under the same id is a conflict.</param>
/// <param name="Signer">The signing address.</param>
/// <param name="Nonce">The transaction nonce.</param>
/// <param name="Hash">The transaction hash.</param>
/// <param name="Raw">The signed transaction, hex with <c>0x</c>.</param>
internal sealed record StoredTransaction(OperationId OperationId, string Payload, string Signer, ulong Nonce, Bytes32 Hash, string Raw);
