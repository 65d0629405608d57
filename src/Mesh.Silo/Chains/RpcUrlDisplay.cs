namespace Mesh.Silo.Chains;

/// <summary>How an RPC URL appears in messages and logs: scheme, host and port only, since a path or user info may carry a provider's API key.</summary>
internal static class RpcUrlDisplay
{
    public static string Of(Uri url) => url.IsAbsoluteUri ? $"{url.Scheme}://{url.Authority}" : "(relative URL)";
}
