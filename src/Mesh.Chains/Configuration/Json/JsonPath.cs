using System.Text;

namespace Mesh.Chains.Configuration.Json;

/// <summary>Builds JSONPath strings such as <c>$.chains[1].rpcUrls[0]</c> for error messages.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        if (IsIdentifier(name))
        {
            return $"{parent}.{name}";
        }

        var escaped = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (c is '\'' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return $"{parent}['{escaped}']";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
