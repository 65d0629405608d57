using System.Buffers.Text;
using Mesh.Api.Authentication;

namespace Mesh.Api.Tests.Authentication;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void Generate_Key_ParsesBackWithA256BitSecret()
    {
        var (keyId, secret, key) = ApiKeyFormat.Generate();

        Assert.True(ApiKeyFormat.TryParse(key, out var parsedId, out var parsedSecret));
        Assert.Equal(keyId, parsedId);
        Assert.Equal(secret, parsedSecret);
        Assert.Equal(32, Base64Url.DecodeFromChars(secret).Length);
        Assert.StartsWith($"mesh_{keyId}_", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ManyKeys_AreAllDifferent()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeyFormat.Generate()).ToList();

        Assert.Equal(1000, keys.Select(k => k.Secret).Distinct().Count());
        Assert.Equal(1000, keys.Select(k => k.KeyId).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("mesh_")]
    [InlineData("mesh_0123456789abcdef")]
    [InlineData("mesh_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mash_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mesh_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mesh_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    public void TryParse_Malformed_IsRefused(string text)
    {
        Assert.False(ApiKeyFormat.TryParse(text, out _, out _));
    }
}
