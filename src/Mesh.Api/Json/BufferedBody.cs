namespace Mesh.Api.Json;

/// <summary>The request body as read by <see cref="RequestBodyLimit"/> (a request feature).</summary>
/// <param name="Bytes">The body.</param>
internal sealed record BufferedBody(byte[] Bytes);
