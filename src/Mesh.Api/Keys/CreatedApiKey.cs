namespace Mesh.Api.Keys;

/// <summary>The answer of <c>POST /api/operator/keys</c>: the key itself, shown this once and never again.</summary>
/// <param name="Key">The full key (<c>mesh_&lt;keyId&gt;_&lt;secret&gt;</c>) to send as <c>Authorization: Bearer</c>.</param>
/// <param name="Details">What the key is.</param>
public sealed record CreatedApiKey(string Key, ApiKeyView Details);
