using System.Text.RegularExpressions;

namespace Mesh.Chains.Configuration.Parsing;

/// <summary>The textual formats that <c>chains.json</c> values must match.</summary>
internal static partial class ConfigurationPatterns
{
    public const string ChainNameRule = "a chain name matching ^[a-z0-9][a-z0-9-]{0,62}$";

    public const string SymbolRule = "a symbol of 1 to 32 characters matching ^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";

    public const string AddressRule = "an address: 0x followed by 40 hex digits";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    public static partial Regex ChainName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$", RegexOptions.CultureInvariant)]
    public static partial Regex Symbol();

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$", RegexOptions.CultureInvariant)]
    public static partial Regex Address();
}
