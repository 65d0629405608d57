using Mesh.Errors;

namespace Mesh.Grains.Pools;

/// <summary>What the caps allow of a credit request.</summary>
/// <param name="Requested">The amount asked for.</param>
/// <param name="Granted">The amount allowed: the request, less when partial grants are allowed, or zero when refused.</param>
/// <param name="Limit">The limit that binds, <see cref="CreditLimit.None"/> when granted in full.</param>
/// <param name="Code">The stable code of the binding limit (<c>pool.protocol_cap</c>...), null when granted in full.</param>
/// <param name="Message">A sentence naming the binding limit and its numbers, null when granted in full.</param>
/// <param name="RiskFactor">The risk-factor id whose cap binds, if one does.</param>
internal sealed record CreditDecision(
    UInt128 Requested,
    UInt128 Granted,
    CreditLimit Limit,
    string? Code,
    string? Message,
    string? RiskFactor)
{
    /// <summary>Whether nothing is granted.</summary>
    public bool IsRefused => Granted == UInt128.Zero;

    /// <summary>Whether less than the request is granted, but something is.</summary>
    public bool IsPartial => !IsRefused && Granted < Requested;

    /// <summary>The refusal as a domain failure, for <c>throw</c>.</summary>
    /// <returns>A <see cref="MeshErrorKind.Refused"/> failure with the binding limit's code, on field <c>amount</c>.</returns>
    public MeshException ToException() =>
        new(MeshErrorKind.Refused, Code ?? PoolErrorCodes.InsufficientLiquidity, Message ?? "The credit was refused.", "amount");
}
