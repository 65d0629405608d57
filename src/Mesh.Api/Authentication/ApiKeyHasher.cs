using System.Security.Cryptography;
using System.Text;

namespace Mesh.Api.Authentication;

/// <summary>Hashes key secrets: HMAC-SHA-256 with the configured pepper, else SHA-256; compares in fixed time.</summary>
internal sealed class ApiKeyHasher(MeshApiOptions options)
{
    private readonly byte[]? _pepper = string.IsNullOrEmpty(options.KeyPepper) ? null : Encoding.UTF8.GetBytes(options.KeyPepper);

    public byte[] Hash(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        return _pepper is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(_pepper, bytes);
    }

    public bool Matches(string secret, byte[] expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), expectedHash);
}
