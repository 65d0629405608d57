using Mesh.Api.Pagination;
using Mesh.Api.Problems;

namespace Mesh.Api.Tests.Pagination;

public sealed class PagesTests
{
    private readonly MeshApiOptions _options = new() { DefaultPageSize = 10, MaxPageSize = 100 };

    [Theory]
    [InlineData("k1")]
    [InlineData("0123456789abcdef")]
    [InlineData("protocol/ünïcode:with:colons")]
    public void Decode_EncodedPosition_ReturnsIt(string position)
    {
        var cursor = Pages.Encode(position);

        Assert.Equal(position, Pages.Decode(cursor));
        Assert.DoesNotContain(position, cursor, StringComparison.Ordinal);
        Assert.DoesNotContain("=", cursor, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8")]
    [InlineData("")]
    public void Decode_ForeignCursor_Throws400NamingCursor(string cursor)
    {
        var error = Assert.Throws<ApiException>(() => Pages.Decode(cursor));

        Assert.Equal(ApiErrorCodes.InvalidCursor, error.Code);
        Assert.Equal("cursor", error.Field);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData("1", 1)]
    [InlineData("100", 100)]
    public void Read_ValidLimit_UsesIt(string? limit, int expected)
    {
        var sut = Pages.Read(new PageQuery { Limit = limit }, _options);

        Assert.Equal(expected, sut.Limit);
        Assert.Null(sut.After);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1.0")]
    public void Read_BadLimit_Throws400NamingLimit(string limit)
    {
        var error = Assert.Throws<ApiException>(() => Pages.Read(new PageQuery { Limit = limit }, _options));

        Assert.Equal(ApiErrorCodes.InvalidLimit, error.Code);
        Assert.Equal("limit", error.Field);
        Assert.Equal("limit: must be a whole number from 1 to 100.", error.Message);
    }

    [Fact]
    public void Create_MoreFollow_CursorContinuesAfterLastItem()
    {
        var sut = Pages.Create(["a", "b"], hasMore: true, s => s);

        Assert.Equal("b", Pages.Decode(sut.NextCursor!));
        Assert.Null(Pages.Create(["a", "b"], hasMore: false, s => s).NextCursor);
    }
}
