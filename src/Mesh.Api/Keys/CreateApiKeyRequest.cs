namespace Mesh.Api.Keys;

/// <summary>The body of <c>POST /api/operator/keys</c>.</summary>
/// <param name="Role">One of <c>operator</c>, <c>protocol</c>, <c>router</c>, <c>oracle-feeder</c>.</param>
/// <param name="Principal">Who the key acts for: required for protocol (the protocol id), router and oracle-feeder keys; not allowed for operator keys.</param>
/// <param name="Name">A label for people, up to 100 characters.</param>
public sealed record CreateApiKeyRequest(string Role, string? Principal = null, string? Name = null);
