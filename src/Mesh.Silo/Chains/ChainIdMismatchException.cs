namespace Mesh.Silo.Chains;

/// <summary>A chain's endpoint serves another chain than the chains file says.</summary>
/// <param name="chain">The chain name.</param>
/// <param name="url">The endpoint.</param>
/// <param name="actual">The chain id the node reports.</param>
/// <param name="expected">The chain id of the file.</param>
internal sealed class ChainIdMismatchException(string chain, Uri url, ulong actual, ulong expected)
    : Exception($"chain '{chain}': the node at {RpcUrlDisplay.Of(url)} reports chain id {actual}, but the chains file says {expected}.")
{
}
