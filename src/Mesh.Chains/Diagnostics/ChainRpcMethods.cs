namespace Mesh.Chains.Diagnostics;

/// <summary>The values of <see cref="ChainsDiagnostics.MethodTag"/>: one per <see cref="Clients.IChainClient"/> method.</summary>
public static class ChainRpcMethods
{
    /// <summary><see cref="Clients.IChainClient.GetHeadAsync"/>.</summary>
    public const string GetHead = "get_head";

    /// <summary><see cref="Clients.IChainClient.GetFinalizedHeadAsync"/>.</summary>
    public const string GetFinalizedHead = "get_finalized_head";

    /// <summary><see cref="Clients.IChainClient.GetBlockAsync"/>.</summary>
    public const string GetBlock = "get_block";

    /// <summary><see cref="Clients.IChainClient.SubmitAsync"/>.</summary>
    public const string Submit = "submit";

    /// <summary><see cref="Clients.IChainClient.GetOperationAsync"/>.</summary>
    public const string GetOperation = "get_operation";

    /// <summary><see cref="Clients.IChainClient.GetBalanceAsync"/>.</summary>
    public const string GetBalance = "get_balance";

    /// <summary><see cref="Clients.IChainClient.GetVaultBalanceAsync"/>.</summary>
    public const string GetVaultBalance = "get_vault_balance";

    /// <summary><see cref="Clients.IChainClient.GetMovementsAsync"/>.</summary>
    public const string GetMovements = "get_movements";
}
