using System.Buffers.Text;
using System.Security.Cryptography;

namespace Mesh.Api.Authentication;

/// <summary>
/// API keys look like <c>mesh_&lt;keyId&gt;_&lt;secret&gt;</c>: a 16-hex-digit key id (public, the storage key) and a
/// 256-bit secret from <see cref="RandomNumberGenerator"/> in base64url (43 characters). Only the secret's hash is stored.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "mesh_";
    private const int KeyIdLength = 16;
    private const int SecretLength = 43;

    public static (string KeyId, string Secret, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (keyId, secret, $"{Prefix}{keyId}_{secret}");
    }

    public static bool TryParse(string? text, out string keyId, out string secret)
    {
        keyId = string.Empty;
        secret = string.Empty;
        if (text is null || text.Length != Prefix.Length + KeyIdLength + 1 + SecretLength || !text.StartsWith(Prefix, StringComparison.Ordinal)
            || text[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        var id = text.AsSpan(Prefix.Length, KeyIdLength);
        var rest = text.AsSpan(Prefix.Length + KeyIdLength + 1);
        foreach (var c in id)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        if (!Base64Url.IsValid(rest, out var decoded) || decoded != 32)
        {
            return false;
        }

        keyId = id.ToString();
        secret = rest.ToString();
        return true;
    }
}
