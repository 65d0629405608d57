using System.Text.RegularExpressions;
using Mesh.Api.Problems;

namespace Mesh.Api.Json;

/// <summary>
/// Shape checks for names in requests (whether the named thing exists is the domain's check). Each throws
/// <see cref="ApiException"/> (400 <c>request.invalid_name</c>) naming the field, and returns the value.
/// </summary>
public static partial class ApiNames
{
    /// <summary>A chain name as in chains.json: lower-case letters, digits and hyphens, 1 to 63, starting with a letter or digit.</summary>
    /// <param name="value">The name.</param>
    /// <param name="field">The field.</param>
    /// <returns>The name.</returns>
    public static string Chain(string? value, string field = "chain") =>
        Check(value, field, ChainPattern(), "must be a chain name (lower-case letters, digits and '-', up to 63)");

    /// <summary>An asset symbol as in chains.json: letters, digits, '.', '_' and '-', 1 to 32, starting with a letter or digit.</summary>
    /// <param name="value">The symbol.</param>
    /// <param name="field">The field.</param>
    /// <returns>The symbol.</returns>
    public static string Asset(string? value, string field = "asset") =>
        Check(value, field, AssetPattern(), "must be an asset symbol (letters, digits, '.', '_' and '-', up to 32)");

    /// <summary>A principal id (protocol, router, feeder): lower-case letters, digits, '.', '_' and '-', 1 to 64.</summary>
    /// <param name="value">The id.</param>
    /// <param name="field">The field.</param>
    /// <returns>The id.</returns>
    public static string Principal(string? value, string field = "principal") =>
        Check(value, field, PrincipalPattern(), "must be an id (lower-case letters, digits, '.', '_' and '-', up to 64)");

    private static string Check(string? value, string field, Regex pattern, string rule)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ApiException(400, ApiErrorCodes.InvalidName, $"{field}: required.", field);
        }

        return pattern.IsMatch(value) ? value : throw new ApiException(400, ApiErrorCodes.InvalidName, $"{field}: {rule}.", field);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChainPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex AssetPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrincipalPattern();
}
