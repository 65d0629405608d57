using System.Runtime.CompilerServices;
using System.Text.Json;
using Mesh.Chains.Configuration;

namespace Mesh.Silo.Dashboard;

/// <summary>
/// The dashboard's data as JSON, built at most once per <see cref="MaxAge"/> however many browsers watch, so that
/// the page's live stream costs the grains one summary a second per silo, not one per viewer.
/// </summary>
internal sealed class DashboardSnapshots(IGrainFactory grains, ChainsConfiguration chains, TimeProvider clock) : IDisposable
{
    /// <summary>How old a snapshot may be and still be served.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>How often the live stream looks for a change.</summary>
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Json, DateTimeOffset At)? _last;

    /// <summary>The current snapshot.</summary>
    /// <param name="cancellationToken">Cancels the wait or the read.</param>
    /// <returns>The summary's JSON.</returns>
    public async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } json)
        {
            return json;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            var built = JsonSerializer.Serialize(await DashboardSummary.BuildAsync(grains, chains, clock, cancellationToken), Json);
            _last = (built, clock.GetUtcNow());
            return built;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The snapshots one viewer receives: the current one at once, then each newer one.</summary>
    /// <param name="cancellationToken">Ends the stream (the viewer left).</param>
    /// <returns>The snapshots' JSON.</returns>
    public async IAsyncEnumerable<string> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sent = await CurrentAsync(cancellationToken);
        yield return sent;
        using var timer = new PeriodicTimer(UpdateInterval, clock);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var json = await CurrentAsync(cancellationToken);
            if (!ReferenceEquals(json, sent))
            {
                sent = json;
                yield return json;
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh() => _last is { } last && clock.GetUtcNow() - last.At < MaxAge ? last.Json : null;
}
