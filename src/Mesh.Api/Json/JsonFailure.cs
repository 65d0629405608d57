namespace Mesh.Api.Json;

/// <summary>Why a body was refused: a stable code, the field at fault (a JSON path without <c>$.</c>) and a detail that starts with it.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Field">The field at fault; null when the body as a whole is at fault.</param>
/// <param name="Detail">A sentence for a person.</param>
public sealed record JsonFailure(string Code, string? Field, string Detail);
