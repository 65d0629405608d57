namespace Mesh.Chains.Clients;

/// <summary>Checks and normalises EVM addresses (<c>0x</c> and 40 hex digits) to lower case.</summary>
internal static class ChainAddress
{
    public static bool TryNormalize(string? text, out string address)
    {
        address = string.Empty;
        if (text is null || text.Length != 42 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        address = "0x" + text[2..].ToLowerInvariant();
        return true;
    }
}
