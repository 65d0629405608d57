namespace Mesh.Testing;

/// <summary>Polls a condition until it holds or a deadline passes; tests wait this way instead of sleeping.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (clock.Elapsed > limit)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {because}.");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), because, timeout);
}
