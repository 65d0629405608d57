namespace Mesh.Chains.Clients;

/// <summary>
/// One value movement the mesh asks a chain to make. Two operations with the same <see cref="Id"/> must be equal;
/// a client refuses a different payload under an id it already holds.
/// </summary>
/// <param name="Id">The operation id, unique mesh-wide and stable across retries.</param>
/// <param name="Kind">What the operation does.</param>
/// <param name="ProtocolId">The member protocol whose vault balance the operation credits or debits.</param>
/// <param name="Account">The protocol's account address (<c>0x</c> and 40 hex digits): the source of a deposit, the
/// recipient of a withdrawal, the account recorded with a lock or release.</param>
/// <param name="Token">The token symbol as in <c>chains.json</c>, e.g. <c>USDC</c>; the client maps it to the address.</param>
/// <param name="Amount">The amount in the token's base units; greater than zero.</param>
public sealed record ChainOperation(
    OperationId Id,
    OperationKind Kind,
    string ProtocolId,
    string Account,
    string Token,
    UInt128 Amount);
