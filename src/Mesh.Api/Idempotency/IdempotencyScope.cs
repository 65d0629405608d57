using System.Security.Cryptography;
using System.Text;

namespace Mesh.Api.Idempotency;

/// <summary>Derives the grain key and the operation id of a (scope, idempotency key) pair.</summary>
public static class IdempotencyScope
{
    /// <summary>The key of the <see cref="IIdempotencyGrain"/> holding the record: hex SHA-256 of the scope and the key.</summary>
    /// <param name="scope">The caller's scope (<c>role:principal</c>).</param>
    /// <param name="key">The idempotency key.</param>
    /// <returns>The grain key.</returns>
    public static string GrainKey(string scope, string key) =>
        Convert.ToHexStringLower(Digest("mesh.idempotency.v1", scope, key));

    /// <summary>The operation id (see <see cref="IdempotencyContext.OperationId"/>).</summary>
    /// <param name="scope">The caller's scope.</param>
    /// <param name="key">The idempotency key.</param>
    /// <returns>The first 16 bytes of SHA-256 of <c>"mesh.operation.v1"</c>, the scope and the key, as a GUID.</returns>
    public static Guid OperationId(string scope, string key) =>
        new(Digest("mesh.operation.v1", scope, key).AsSpan(0, 16));

    private static byte[] Digest(string purpose, string scope, string key)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}\n{scope.Length}:{scope}\n{key}"));
    }
}
