namespace Mesh.Grains.Chains;

/// <summary>
/// Shows an RPC endpoint without anything that may be a secret: credentials, the path (providers put API keys
/// there, <c>/v3/&lt;key&gt;</c>), the query and the fragment. What is left is scheme, host and port.
/// </summary>
internal static class RpcEndpointRedactor
{
    public static string Redact(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            return "(relative url hidden)";
        }

        var port = endpoint.IsDefaultPort ? string.Empty : $":{endpoint.Port}";
        var hidden = endpoint.UserInfo.Length > 0 || endpoint.AbsolutePath.Length > 1 || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0;
        return $"{endpoint.Scheme}://{endpoint.Host}{port}{(hidden ? "/…" : string.Empty)}";
    }
}
