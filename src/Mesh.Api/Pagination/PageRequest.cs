namespace Mesh.Api.Pagination;

/// <summary>A validated page request.</summary>
/// <param name="After">The position the previous page ended at (decoded from the cursor); null for the first page.</param>
/// <param name="Limit">How many items to return.</param>
public sealed record PageRequest(string? After, int Limit);
