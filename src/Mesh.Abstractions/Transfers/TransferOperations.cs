namespace Mesh.Transfers;

/// <summary>
/// How a transfer names its operations in the vaults' books: <c>transfer:</c> and the router's request id, on the
/// protocol's vault of each chain. The prefix is the mesh's own (no protocol id, and so no vault key, has a colon): a
/// movement a router names with it is refused.
/// </summary>
public static class TransferOperations
{
    /// <summary>The prefix of every transfer's vault operation id.</summary>
    public const string Prefix = "transfer:";

    /// <summary>The vault operation id of a transfer, the same on its source and its destination vault.</summary>
    /// <param name="requestId">The router's request id.</param>
    /// <returns><c>transfer:{requestId}</c>.</returns>
    public static string VaultOperationId(string requestId) => Prefix + requestId;

    /// <summary>The request id of a transfer's vault operation id.</summary>
    /// <param name="operationId">A vault operation id.</param>
    /// <param name="requestId">The router's request id, when <paramref name="operationId"/> is a transfer's.</param>
    /// <returns>True when it is a transfer's.</returns>
    public static bool TryRequestId(string operationId, out string requestId)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        var isTransfer = operationId.StartsWith(Prefix, StringComparison.Ordinal) && operationId.Length > Prefix.Length;
        requestId = isTransfer ? operationId[Prefix.Length..] : "";
        return isTransfer;
    }
}
