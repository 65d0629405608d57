namespace Mesh.Testing.Scenarios;

/// <summary>A protocol of the scenario: its id, its account on the chain, and its API key once approved.</summary>
/// <param name="Id">The protocol id.</param>
/// <param name="Account">Its EVM account.</param>
public sealed record ScenarioProtocol(string Id, string Account)
{
    /// <summary>Gets or sets the protocol's key (issued on approval).</summary>
    public string Key { get; set; } = "";

    /// <summary>The path of its vault on a chain.</summary>
    /// <param name="chain">The chain.</param>
    /// <returns>E.g. <c>/api/protocols/sp-lender/vaults/local-a</c>.</returns>
    public string Vault(string chain) => $"/api/protocols/{Id}/vaults/{chain}";
}
