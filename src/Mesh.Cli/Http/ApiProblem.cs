namespace Mesh.Cli.Http;

/// <summary>An RFC 9457 problem the API answered with (<c>application/problem+json</c>).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">The stable code (<c>protocol.not_found</c>, <c>amount.malformed</c>); scripts branch on it.</param>
/// <param name="Title">The status's reason phrase.</param>
/// <param name="Detail">A sentence for a person.</param>
/// <param name="Field">The request field at fault, if any.</param>
internal sealed record ApiProblem(int Status, string Code, string? Title, string? Detail, string? Field);
