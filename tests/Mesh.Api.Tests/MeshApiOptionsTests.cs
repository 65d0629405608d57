namespace Mesh.Api.Tests;

public sealed class MeshApiOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblem()
    {
        Assert.Empty(new MeshApiOptions().Validate());
    }

    [Theory]
    [InlineData("MaxRequestBodyBytes", "Mesh:Api:MaxRequestBodyBytes: must be between 1024 and 67108864, got 10.")]
    [InlineData("KeyCacheDuration", "Mesh:Api:KeyCacheDuration: must be between 00:00:00 and 00:05:00")]
    [InlineData("IdempotencyLease", "Mesh:Api:IdempotencyLease: must be between 00:00:01 and 01:00:00, got 00:00:00.")]
    [InlineData("DefaultPageSize", "Mesh:Api:DefaultPageSize: must be between 1 and Mesh:Api:MaxPageSize (500), got 501.")]
    [InlineData("TokensPerPeriod", "Mesh:Api:RateLimit:TokensPerPeriod: must be between 1 and Mesh:Api:RateLimit:TokenLimit (100), got 101.")]
    public void Validate_BadValue_NamesTheSetting(string setting, string expected)
    {
        var sut = new MeshApiOptions();
        switch (setting)
        {
            case "MaxRequestBodyBytes": sut.MaxRequestBodyBytes = 10; break;
            case "KeyCacheDuration": sut.KeyCacheDuration = TimeSpan.FromHours(1); break;
            case "IdempotencyLease": sut.IdempotencyLease = TimeSpan.Zero; break;
            case "DefaultPageSize": sut.DefaultPageSize = 501; break;
            default: sut.RateLimit.TokensPerPeriod = 101; break;
        }

        var problem = Assert.Single(sut.Validate());

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }
}
