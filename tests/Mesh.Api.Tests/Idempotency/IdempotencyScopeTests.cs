using Mesh.Api.Idempotency;

namespace Mesh.Api.Tests.Idempotency;

public sealed class IdempotencyScopeTests
{
    [Fact]
    public void OperationId_SameScopeAndKey_IsTheSameEveryTime()
    {
        var sut = IdempotencyScope.OperationId("protocol:alpha", "order-1");

        Assert.Equal(sut, IdempotencyScope.OperationId("protocol:alpha", "order-1"));
        Assert.Equal(IdempotencyScope.GrainKey("protocol:alpha", "order-1"), IdempotencyScope.GrainKey("protocol:alpha", "order-1"));
    }

    [Theory]
    [InlineData("protocol:alpha", "order-1", "protocol:beta", "order-1")]
    [InlineData("protocol:alpha", "order-1", "protocol:alpha", "order-2")]
    [InlineData("router:a", "b:c", "router:a:b", "c")]
    public void OperationId_OtherScopeOrKey_Differs(string scope1, string key1, string scope2, string key2)
    {
        Assert.NotEqual(IdempotencyScope.OperationId(scope1, key1), IdempotencyScope.OperationId(scope2, key2));
        Assert.NotEqual(IdempotencyScope.GrainKey(scope1, key1), IdempotencyScope.GrainKey(scope2, key2));
    }
}
