using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Mesh.Api.Problems;

namespace Mesh.Api.Pagination;

/// <summary>
/// Cursor pagination: a cursor is opaque base64url of a versioned position (the last item's sort key); the list
/// endpoint asks its source for items after that position and one more to know whether a page follows.
/// </summary>
public static class Pages
{
    private const string Version = "v1:";

    /// <summary>Validates a page query; a bad one throws <see cref="ApiException"/> (400) naming <c>limit</c> or <c>cursor</c>.</summary>
    /// <param name="query">The query.</param>
    /// <param name="options">The API options (default and largest page size).</param>
    /// <returns>The request.</returns>
    public static PageRequest Read(PageQuery query, MeshApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.DefaultPageSize;
        if (query.Limit is not null
            && (!int.TryParse(query.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > options.MaxPageSize))
        {
            throw new ApiException(400, ApiErrorCodes.InvalidLimit, $"limit: must be a whole number from 1 to {options.MaxPageSize}.", "limit");
        }

        return new PageRequest(query.Cursor is null ? null : Decode(query.Cursor), limit);
    }

    /// <summary>Makes the cursor that continues after <paramref name="position"/>.</summary>
    /// <param name="position">The last item's sort key.</param>
    /// <returns>The cursor.</returns>
    public static string Encode(string position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + position));
    }

    /// <summary>Reads a cursor; one not made by <see cref="Encode"/> throws <see cref="ApiException"/> (400 <c>pagination.invalid_cursor</c>).</summary>
    /// <param name="cursor">The cursor.</param>
    /// <returns>The position.</returns>
    public static string Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        return text.StartsWith(Version, StringComparison.Ordinal) && text.Length > Version.Length ? text[Version.Length..] : throw Invalid();
    }

    /// <summary>Builds a page from items fetched with one extra (<c>limit + 1</c>) or with a has-more flag.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The page's items (at most the limit).</param>
    /// <param name="hasMore">Whether items follow.</param>
    /// <param name="positionOf">The sort key of an item.</param>
    /// <returns>The page.</returns>
    public static CursorPage<T> Create<T>(IReadOnlyList<T> items, bool hasMore, Func<T, string> positionOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(positionOf);
        return new CursorPage<T>(items, hasMore && items.Count > 0 ? Encode(positionOf(items[^1])) : null);
    }

    private static ApiException Invalid() =>
        new(400, ApiErrorCodes.InvalidCursor, "cursor: not a cursor this list returned.", "cursor");
}
