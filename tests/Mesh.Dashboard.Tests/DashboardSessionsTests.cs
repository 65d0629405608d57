using Mesh.Silo.Dashboard;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Dashboard.Tests;

public sealed class DashboardSessionsTests
{
    private const string Key = "mesh_0123456789abcdef_secret";

    [Fact]
    public void TryFind_AfterTheLifetime_NoLongerFindsTheSession()
    {
        var clock = new FakeTimeProvider();
        var sessions = new DashboardSessions(clock);

        Assert.True(sessions.TryOpen(Key, out var token));
        clock.Advance(DashboardSessions.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(sessions.TryFind(token, out var key));
        Assert.Equal(Key, key);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(sessions.TryFind(token, out _));
    }

    [Fact]
    public void TryOpen_EachLogin_GetsItsOwnUnguessableTokenThatIsNotTheKey()
    {
        var sessions = new DashboardSessions(new FakeTimeProvider());

        Assert.True(sessions.TryOpen(Key, out var first));
        Assert.True(sessions.TryOpen(Key, out var second));

        Assert.NotEqual(first, second);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", first);
        Assert.DoesNotContain("secret", first, StringComparison.Ordinal);
        sessions.Close(first);
        Assert.False(sessions.TryFind(first, out _));
        Assert.True(sessions.TryFind(second, out _));
    }

    [Fact]
    public void TryOpen_AtTheLimit_RefusesUntilSessionsExpire()
    {
        var clock = new FakeTimeProvider();
        var sessions = new DashboardSessions(clock);
        for (var i = 0; i < DashboardSessions.MaxSessions; i++)
        {
            Assert.True(sessions.TryOpen(Key, out _));
        }

        Assert.False(sessions.TryOpen(Key, out var refused));
        Assert.Empty(refused);
        clock.Advance(DashboardSessions.Lifetime);

        Assert.True(sessions.TryOpen(Key, out _));
    }
}
