using Microsoft.AspNetCore.Mvc;

namespace Mesh.Api.Pagination;

/// <summary>
/// The query of a list endpoint: <c>?limit=N&amp;cursor=...</c>. Take it with <c>[AsParameters] PageQuery page</c> and
/// turn it into a <see cref="PageRequest"/> with <see cref="Pages.Read"/>, which validates both.
/// </summary>
public sealed class PageQuery
{
    /// <summary>Gets or sets the cursor the previous page returned as <c>nextCursor</c>; absent for the first page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    /// <summary>Gets or sets the page size (1 to <see cref="MeshApiOptions.MaxPageSize"/>); absent for the default.</summary>
    [FromQuery(Name = "limit")]
    public string? Limit { get; set; }
}
