namespace Mesh.Api;

/// <summary>Settings of the HTTP API: configuration section <c>Mesh:Api</c>.</summary>
public sealed class MeshApiOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mesh:Api";

    /// <summary>Gets or sets the largest request body accepted; a larger one gets 413 <c>request.body_too_large</c>.</summary>
    /// <value>The default is 65536 (64 KiB).</value>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Gets or sets the file the first operator key is written to (mode 0600) when no operator key exists.</summary>
    /// <value>The default is empty: <c>operator.key</c> in <c>Mesh:DataDirectory</c>.</value>
    public string? OperatorKeyFile { get; set; }

    /// <summary>Gets or sets a secret mixed into key hashes (HMAC-SHA-256); empty hashes with plain SHA-256. Changing it invalidates every key.</summary>
    /// <value>The default is empty.</value>
    public string? KeyPepper { get; set; }

    /// <summary>Gets or sets how long a silo trusts a validated key before it reads it again; a revocation takes effect on other silos within this time.</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long an idempotent request may run before a retry with the same key may run it again (after a crash).</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan IdempotencyLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the page size of a list when the request gives no <c>limit</c>.</summary>
    /// <value>The default is 50.</value>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Gets or sets the largest <c>limit</c> a list accepts.</summary>
    /// <value>The default is 500.</value>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>Gets or sets the per-key rate limit.</summary>
    /// <value>The default is a token bucket of 100 requests refilled by 50 a second per key; 20 and 10 per address without a key.</value>
    public MeshApiRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Checks every value; each problem names the setting under <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The section path, normally <see cref="SectionName"/>.</param>
    /// <returns>One message per problem; none when the options are valid.</returns>
    public IEnumerable<string> Validate(string prefix = SectionName)
    {
        if (MaxRequestBodyBytes is < 1024 or > 64L * 1024 * 1024)
        {
            yield return $"{prefix}:MaxRequestBodyBytes: must be between 1024 and 67108864, got {MaxRequestBodyBytes}.";
        }

        if (OperatorKeyFile is { Length: > 0 } file && file.Trim().Length == 0)
        {
            yield return $"{prefix}:OperatorKeyFile: must not be blank.";
        }

        if (KeyCacheDuration < TimeSpan.Zero || KeyCacheDuration > TimeSpan.FromMinutes(5))
        {
            yield return $"{prefix}:KeyCacheDuration: must be between 00:00:00 and 00:05:00 (a revoked key stays usable this long), got {KeyCacheDuration}.";
        }

        if (IdempotencyLease < TimeSpan.FromSeconds(1) || IdempotencyLease > TimeSpan.FromHours(1))
        {
            yield return $"{prefix}:IdempotencyLease: must be between 00:00:01 and 01:00:00, got {IdempotencyLease}.";
        }

        if (MaxPageSize is < 1 or > 10_000)
        {
            yield return $"{prefix}:MaxPageSize: must be between 1 and 10000, got {MaxPageSize}.";
        }

        if (DefaultPageSize < 1 || DefaultPageSize > MaxPageSize)
        {
            yield return $"{prefix}:DefaultPageSize: must be between 1 and {prefix}:MaxPageSize ({MaxPageSize}), got {DefaultPageSize}.";
        }

        foreach (var problem in RateLimit.Validate($"{prefix}:RateLimit"))
        {
            yield return problem;
        }
    }
}
