namespace Mesh.Errors;

/// <summary>What kind of failure a <see cref="MeshException"/> reports; the API maps each kind to one HTTP status.</summary>
public enum MeshErrorKind
{
    /// <summary>The input is malformed or out of range (HTTP 400).</summary>
    Validation = 0,

    /// <summary>The caller may not do this (HTTP 403).</summary>
    Forbidden = 1,

    /// <summary>The named thing does not exist (HTTP 404).</summary>
    NotFound = 2,

    /// <summary>The request conflicts with the current state, for example leaving while encumbered (HTTP 409).</summary>
    Conflict = 3,

    /// <summary>The input is well formed but the mesh refuses it under its rules, for example a cap (HTTP 422).</summary>
    Refused = 4,

    /// <summary>A dependency is unavailable or a breaker is open; the caller may retry later (HTTP 503).</summary>
    Unavailable = 5,
}
