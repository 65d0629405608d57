namespace Mesh.Api.Tests.Domain;

/// <summary>A prepared matrix request.</summary>
/// <param name="Path">The path.</param>
/// <param name="Body">The JSON body, if any.</param>
/// <param name="OwnKey">The key of the protocol the path names, when it is not the fixture's main protocol.</param>
public sealed record MatrixTarget(string Path, string? Body = null, string? OwnKey = null);
