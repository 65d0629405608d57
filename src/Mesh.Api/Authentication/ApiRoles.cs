namespace Mesh.Api.Authentication;

/// <summary>Role names on the wire and as authorization policy names.</summary>
public static class ApiRoles
{
    /// <summary>The operator role and policy.</summary>
    public const string Operator = "operator";

    /// <summary>The protocol role and policy.</summary>
    public const string Protocol = "protocol";

    /// <summary>The router role and policy.</summary>
    public const string Router = "router";

    /// <summary>The oracle feeder role and policy.</summary>
    public const string OracleFeeder = "oracle-feeder";

    /// <summary>Every role name.</summary>
    public static readonly IReadOnlyList<string> All = [Operator, Protocol, Router, OracleFeeder];

    /// <summary>The wire name of a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>Its name.</returns>
    public static string NameOf(ApiRole role) => role switch
    {
        ApiRole.Operator => Operator,
        ApiRole.Protocol => Protocol,
        ApiRole.Router => Router,
        ApiRole.OracleFeeder => OracleFeeder,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>Reads a wire name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="role">The role.</param>
    /// <returns>True when the name is a role's.</returns>
    public static bool TryParse(string? name, out ApiRole role)
    {
        (var known, role) = name switch
        {
            Operator => (true, ApiRole.Operator),
            Protocol => (true, ApiRole.Protocol),
            Router => (true, ApiRole.Router),
            OracleFeeder => (true, ApiRole.OracleFeeder),
            _ => (false, default(ApiRole)),
        };
        return known;
    }
}
