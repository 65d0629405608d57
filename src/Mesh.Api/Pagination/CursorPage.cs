namespace Mesh.Api.Pagination;

/// <summary>The response shape of every list: <c>{ "items": [...], "nextCursor": "..." | null }</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">This page's items.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);
