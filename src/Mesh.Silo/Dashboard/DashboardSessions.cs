using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Mesh.Silo.Dashboard;

/// <summary>
/// The operators' browser sessions of this silo, in memory: a session is a random token (the <c>mesh_ops</c> cookie)
/// standing for the operator key that opened it. The key never leaves the silo again: each request under <c>/ops</c>
/// presents it to the API key scheme (<see cref="DashboardSessionMiddleware"/>), so a revoked key ends its sessions
/// within the key cache time. Sessions end after <see cref="Lifetime"/>, at logout, or when the silo stops.
/// </summary>
internal sealed class DashboardSessions(TimeProvider clock)
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "mesh_ops";

    /// <summary>The path the cookie is scoped to: the dashboards and their data, nothing else.</summary>
    public const string CookiePath = "/ops";

    /// <summary>The most sessions a silo keeps; a login beyond it is refused until some expire or log out.</summary>
    public const int MaxSessions = 256;

    /// <summary>How long a session lasts from its login.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, (string Key, DateTimeOffset ExpiresAt)> _sessions = new(StringComparer.Ordinal);

    /// <summary>Opens a session for an operator key already validated by the caller.</summary>
    /// <param name="key">The operator key.</param>
    /// <param name="token">The session token to set as the cookie.</param>
    /// <returns>False when <see cref="MaxSessions"/> sessions are open.</returns>
    public bool TryOpen(string key, out string token)
    {
        var now = clock.GetUtcNow();
        foreach (var (t, session) in _sessions)
        {
            if (session.ExpiresAt <= now)
            {
                _sessions.TryRemove(t, out _);
            }
        }

        token = string.Empty;
        if (_sessions.Count >= MaxSessions)
        {
            return false;
        }

        token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _sessions[token] = (key, now + Lifetime);
        return true;
    }

    /// <summary>Finds the key of a live session.</summary>
    /// <param name="token">The cookie's value.</param>
    /// <param name="key">The operator key.</param>
    /// <returns>False for an unknown or expired token.</returns>
    public bool TryFind(string token, out string key)
    {
        key = string.Empty;
        if (!_sessions.TryGetValue(token, out var session))
        {
            return false;
        }

        if (session.ExpiresAt <= clock.GetUtcNow())
        {
            _sessions.TryRemove(token, out _);
            return false;
        }

        key = session.Key;
        return true;
    }

    /// <summary>Ends a session (logout).</summary>
    /// <param name="token">The cookie's value.</param>
    public void Close(string token) => _sessions.TryRemove(token, out _);
}
