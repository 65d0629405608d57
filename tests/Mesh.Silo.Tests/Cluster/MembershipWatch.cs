using System.Collections.Concurrent;
using Npgsql;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// Reads the membership table over and over while a test runs, and keeps every death vote (suspicion) and every
/// status other than Active it saw: a false positive shows as a vote first, then as Dead.
/// </summary>
internal sealed class MembershipWatch : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _votes = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _notActive = new();
    private readonly System.Diagnostics.Stopwatch _clock;
    private readonly Task _polling;
    private long _reads;

    private MembershipWatch(string connectionString, System.Diagnostics.Stopwatch clock)
    {
        _connectionString = connectionString;
        _clock = clock;
        _polling = Task.Run(() => PollAsync(_stop.Token));
    }

    /// <summary>Gets the death votes seen (silo port, then the vote as the table holds it), with when first seen.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Votes => _votes;

    /// <summary>Gets the statuses other than Active seen (silo port and status), with when first seen.</summary>
    public IReadOnlyDictionary<string, TimeSpan> NotActive => _notActive;

    /// <summary>Gets how many times the table was read.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Starts reading the table of a cluster's database.</summary>
    /// <param name="connectionString">The cluster's database.</param>
    /// <param name="clock">The test's clock, for the times reported.</param>
    /// <returns>The running watch.</returns>
    public static MembershipWatch Start(string connectionString, System.Diagnostics.Stopwatch clock) => new(connectionString, clock);

    /// <summary>Reads every row of the membership table once.</summary>
    /// <param name="connectionString">The cluster's database.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    public static async Task<IReadOnlyList<MembershipRow>> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT port, generation, status_name, suspect_times FROM mesh_cluster_silos", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new MembershipRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _polling;
        }
        catch (OperationCanceledException)
        {
            // Stopped while reading.
        }

        _stop.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var row in await ReadAsync(_connectionString, cancellationToken))
            {
                if (!string.IsNullOrEmpty(row.SuspectTimes))
                {
                    foreach (var vote in row.SuspectTimes.Split('|', StringSplitOptions.RemoveEmptyEntries))
                    {
                        _votes.TryAdd($":{row.Port} {vote}", _clock.Elapsed);
                    }
                }

                if (row.Status != "Active")
                {
                    _notActive.TryAdd($":{row.Port}@{row.Generation} {row.Status}", _clock.Elapsed);
                }
            }

            Interlocked.Increment(ref _reads);
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
