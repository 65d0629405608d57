using System.Text;
using Mesh.Api.Json;
using Mesh.Api.Problems;

namespace Mesh.Api.Tests.Json;

public sealed class StrictJsonTests
{
    [Theory]
    [InlineData("""{"name":"a","extra":1}""", ApiErrorCodes.UnknownField, "extra", "extra: unknown field.")]
    [InlineData("""{"name":"a","inner":{"x":1,"y":2}}""", ApiErrorCodes.UnknownField, "inner.y", "inner.y: unknown field.")]
    [InlineData("""{"Name":"a"}""", ApiErrorCodes.UnknownField, "Name", "Name: unknown field.")]
    [InlineData("""{"name":"a","name":"b"}""", ApiErrorCodes.DuplicateField, "name", "name: appears more than once.")]
    [InlineData("""{"count":1}""", ApiErrorCodes.MissingField, "name", "name: required.")]
    [InlineData("""{"name":"a","count":"7"}""", ApiErrorCodes.InvalidField, "count", "count: has the wrong type")]
    [InlineData("""{"name":"a","count":1.5}""", ApiErrorCodes.InvalidField, "count", "count: has the wrong type")]
    [InlineData("""{"name":null}""", ApiErrorCodes.InvalidField, "name", "name: must not be null.")]
    [InlineData("""{"name":"a","inner":{"x":"no"}}""", ApiErrorCodes.InvalidField, "inner.x", "inner.x: has the wrong type")]
    public void Deserialize_RefusedField_NamesIt(string json, string code, string field, string detail)
    {
        var error = Assert.Throws<ApiException>(() => StrictJson.Deserialize<Body>(Encoding.UTF8.GetBytes(json), StrictJson.CreateOptions()));

        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(detail, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Mesh.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(Body), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"a"} x""", "line 1, position 14")]
    [InlineData("""{"name":"a",}""", "line 1, position 13")]
    [InlineData("{\n  \"name\": \"a\"\n  \"count\": 1\n}", "line 3")]
    [InlineData("""{"name":'a'}""", "line 1, position 9")]
    [InlineData("""{"name":"a"} // note""", "line 1")]
    [InlineData("", "line 1, position 1")]
    public void Deserialize_MalformedJson_SaysWhereItBroke(string json, string where)
    {
        var error = Assert.Throws<ApiException>(() => StrictJson.Deserialize<Body>(Encoding.UTF8.GetBytes(json), StrictJson.CreateOptions()));

        Assert.Equal(ApiErrorCodes.MalformedJson, error.Code);
        Assert.StartsWith("body: malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void Deserialize_NotAnObject_IsRefusedAsABody(string json)
    {
        var error = Assert.Throws<ApiException>(() => StrictJson.Deserialize<Body>(Encoding.UTF8.GetBytes(json), StrictJson.CreateOptions()));

        Assert.Equal(ApiErrorCodes.MalformedJson, error.Code);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Deserialize_ValidBody_ReadsIt()
    {
        var sut = StrictJson.Deserialize<Body>("""{"name":"a","count":2,"inner":{"x":3}}"""u8, StrictJson.CreateOptions());

        Assert.Equal(new Body("a", 2, new Inner(3)), sut);
    }

    public sealed record Inner(int X);

    public sealed record Body(string Name, int? Count = null, Inner? Inner = null);
}
