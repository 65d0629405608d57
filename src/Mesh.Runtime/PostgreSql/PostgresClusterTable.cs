using Mesh.Runtime.Cluster;
using Npgsql;

namespace Mesh.Runtime.PostgreSql;

/// <summary>Membership and partition leases in PostgreSQL. Every time comparison uses the database clock.</summary>
internal sealed class PostgresClusterTable(NpgsqlDataSource dataSource)
{
    public async Task EnsurePartitionsAsync(int partitionCount, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var config = new NpgsqlCommand("INSERT INTO mesh_cluster_config (id, partition_count) VALUES (1, @n) ON CONFLICT (id) DO UPDATE SET id = 1 RETURNING partition_count", connection, transaction))
        {
            config.Parameters.AddWithValue("n", partitionCount);
            var existing = (int)(await config.ExecuteScalarAsync(cancellationToken))!;
            if (existing != partitionCount)
            {
                throw new InvalidOperationException($"This cluster was created with {existing} partitions but this silo is configured with Mesh:Runtime:PartitionCount={partitionCount}; all silos of a cluster must agree.");
            }
        }

        await using (var rows = new NpgsqlCommand("INSERT INTO mesh_partition_lease (partition_id) SELECT g FROM generate_series(0, @n - 1) g ON CONFLICT DO NOTHING", connection, transaction))
        {
            rows.Parameters.AddWithValue("n", partitionCount);
            await rows.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task RegisterAsync(string siloId, string address, int port, long generation, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO mesh_silos (silo_id, address, port, generation, status) VALUES (@id, @a, @p, @g, 'active') " +
            "ON CONFLICT (silo_id) DO UPDATE SET address = @a, port = @p, generation = @g, status = 'active', heartbeat_at = now()",
            c =>
            {
                c.Parameters.AddWithValue("id", siloId);
                c.Parameters.AddWithValue("a", address);
                c.Parameters.AddWithValue("p", port);
                c.Parameters.AddWithValue("g", generation);
            },
            cancellationToken);

    /// <summary>Writes a heartbeat; returns false if the silo's row is gone or was declared dead (it must re-register).</summary>
    public async Task<bool> HeartbeatAsync(string siloId, string status, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE mesh_silos SET heartbeat_at = now(), status = @s WHERE silo_id = @id AND status <> 'dead'",
            c =>
            {
                c.Parameters.AddWithValue("id", siloId);
                c.Parameters.AddWithValue("s", status);
            },
            cancellationToken) == 1;

    public Task DeclareDeadAsync(TimeSpan staleAfter, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE mesh_silos SET status = 'dead' WHERE status <> 'dead' AND heartbeat_at < now() - @stale",
            c => c.Parameters.AddWithValue("stale", staleAfter),
            cancellationToken);

    public Task SetStatusAsync(string siloId, string status, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE mesh_silos SET status = @s, heartbeat_at = now() WHERE silo_id = @id",
            c =>
            {
                c.Parameters.AddWithValue("id", siloId);
                c.Parameters.AddWithValue("s", status);
            },
            cancellationToken);

    /// <summary>Silos that are joining or active and heartbeated within <paramref name="liveWithin"/>.</summary>
    public async Task<List<string>> ReadLiveSilosAsync(TimeSpan liveWithin, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT silo_id FROM mesh_silos WHERE status IN ('joining', 'active') AND heartbeat_at > now() - @live ORDER BY silo_id");
        command.Parameters.AddWithValue("live", liveWithin);
        var silos = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            silos.Add(reader.GetString(0));
        }

        return silos;
    }

    public Task<Dictionary<int, long>> RenewAsync(string siloId, TimeSpan lease, CancellationToken cancellationToken) =>
        QueryLeasesAsync(
            "UPDATE mesh_partition_lease SET expires_at = now() + @lease WHERE owner_silo = @id AND expires_at > now() RETURNING partition_id, epoch",
            c =>
            {
                c.Parameters.AddWithValue("id", siloId);
                c.Parameters.AddWithValue("lease", lease);
            },
            cancellationToken);

    /// <summary>Takes unowned or expired partitions, bumping each one's epoch in the same statement.</summary>
    public Task<Dictionary<int, long>> AcquireAsync(string siloId, int[] partitions, TimeSpan lease, CancellationToken cancellationToken) =>
        QueryLeasesAsync(
            "UPDATE mesh_partition_lease SET owner_silo = @id, epoch = epoch + 1, expires_at = now() + @lease " +
            "WHERE partition_id = ANY(@parts) AND (owner_silo IS NULL OR expires_at IS NULL OR expires_at <= now()) RETURNING partition_id, epoch",
            c =>
            {
                c.Parameters.AddWithValue("id", siloId);
                c.Parameters.AddWithValue("lease", lease);
                c.Parameters.AddWithValue("parts", partitions);
            },
            cancellationToken);

    public Task ReleaseAsync(string siloId, int[] partitions, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE mesh_partition_lease SET owner_silo = NULL, expires_at = now() WHERE owner_silo = @id AND partition_id = ANY(@parts)",
            c =>
            {
                c.Parameters.AddWithValue("id", siloId);
                c.Parameters.AddWithValue("parts", partitions);
            },
            cancellationToken);

    /// <summary>Reads every partition's current (unexpired) owner and that owner's endpoint.</summary>
    public async Task<PartitionOwner[]> ReadOwnersAsync(int partitionCount, string scheme, CancellationToken cancellationToken)
    {
        var owners = new PartitionOwner[partitionCount];
        await using var command = dataSource.CreateCommand(
            "SELECT l.partition_id, l.owner_silo, l.epoch, s.address, s.port FROM mesh_partition_lease l " +
            "JOIN mesh_silos s ON s.silo_id = l.owner_silo WHERE l.expires_at > now() AND l.partition_id < @n");
        command.Parameters.AddWithValue("n", partitionCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            owners[reader.GetInt32(0)] = new PartitionOwner(reader.GetString(1), new Uri($"{scheme}://{reader.GetString(3)}:{reader.GetInt32(4)}/"), reader.GetInt64(2));
        }

        return owners;
    }

    public async Task<IReadOnlyList<SiloInfo>> ReadMembersAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT s.silo_id, s.address, s.port, s.generation, s.status, now() - s.heartbeat_at, " +
            "(SELECT count(*) FROM mesh_partition_lease l WHERE l.owner_silo = s.silo_id AND l.expires_at > now()) " +
            "FROM mesh_silos s ORDER BY s.started_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<SiloInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(new SiloInfo(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetString(4), reader.GetTimeSpan(5), (int)reader.GetInt64(6)));
        }

        return members;
    }

    private async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Dictionary<int, long>> QueryLeasesAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        bind(command);
        var leases = new Dictionary<int, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leases[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return leases;
    }
}
