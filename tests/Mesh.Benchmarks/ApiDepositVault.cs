namespace Mesh.Benchmarks;

/// <summary>One vault of the deposit benchmark: its protocol, chain and the protocol's API key.</summary>
/// <param name="ProtocolId">The protocol.</param>
/// <param name="Chain">The chain.</param>
/// <param name="Key">The protocol's API key.</param>
internal sealed record ApiDepositVault(string ProtocolId, string Chain, string Key)
{
    /// <summary>Gets the deposits path, relative to the silo's base address.</summary>
    public string DepositsPath => $"api/protocols/{ProtocolId}/vaults/{Chain}/deposits";

    /// <summary>Gets the path of one of the vault's operations.</summary>
    /// <param name="operationId">The operation id.</param>
    /// <returns>The path.</returns>
    public string OperationPath(string operationId) => $"api/protocols/{ProtocolId}/vaults/{Chain}/operations/{operationId}";

    /// <summary>Gets the grain key of the vault, as stored in <c>mesh_grain_state.grain_key</c> (<c>vault/protocol/chain</c>).</summary>
    public string StateKey => $"vault/{ProtocolId}/{Chain}";
}
