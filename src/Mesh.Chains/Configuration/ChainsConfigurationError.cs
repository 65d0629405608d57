namespace Mesh.Chains.Configuration;

/// <summary>One problem found in a <c>chains.json</c> file.</summary>
/// <param name="Path">The JSON path of the offending value, e.g. <c>$.chains[1].rpcUrls[0]</c>; <c>$</c> for the whole file.</param>
/// <param name="Message">What is wrong, e.g. <c>must be an integer between 0 and 1000, got -3</c>.</param>
public sealed record ChainsConfigurationError(string Path, string Message)
{
    /// <summary>Formats the error as <c>path: message</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
