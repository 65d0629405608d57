using System.Text.RegularExpressions;

namespace Mesh.Cli.Output;

/// <summary>32-byte hashes (transactions, operation ids) shortened for people, <c>0x3c81a17c…3130ff</c>; <c>--json</c> keeps them whole.</summary>
internal static partial class Hashes
{
    public static string Shorten(string text) => Hash().Replace(text, m => $"{m.Value[..10]}…{m.Value[^6..]}");

    [GeneratedRegex("0x[0-9a-fA-F]{64}")]
    private static partial Regex Hash();
}
