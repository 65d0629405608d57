using System.Reflection;
using Mesh.Runtime.Persistence;
using Mesh.Runtime.Reminders;
using Npgsql;

namespace Mesh.Runtime.PostgreSql;

/// <summary>
/// The cluster database. Its schema is the ordered scripts in <c>deploy/postgres</c> (embedded in this assembly),
/// applied under an advisory lock so that silos starting together migrate once.
/// </summary>
internal sealed class PostgresDatabase : IRuntimeDatabase
{
    public const string Component = "mesh.runtime";
    private const long MigrationLockKey = 0x4D455348_0001;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        DataSource = builder.Build();
        GrainStorage = new PostgresGrainStorage(DataSource);
        Reminders = new PostgresReminderTable(DataSource);
    }

    public NpgsqlDataSource DataSource { get; }

    public string ProviderName => "postgresql";

    public IGrainStorage GrainStorage { get; }

    public IReminderTable Reminders { get; }

    public static IReadOnlyList<(int Version, string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(PostgresDatabase).Assembly;
        const string prefix = "Mesh.Runtime.PostgreSql.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Name: n[prefix.Length..], Resource: n))
            .Select(x => (Version: int.Parse(x.Name[..x.Name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture), x.Name, Sql: Read(assembly, x.Resource)))
            .OrderBy(x => x.Version)
            .ToList();
    }

    public async Task<(int From, int To)> MigrateAsync(CancellationToken cancellationToken)
    {
        var scripts = LoadScripts();
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS mesh_schema_version (component text PRIMARY KEY, version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
        await using var read = new NpgsqlCommand("SELECT version FROM mesh_schema_version WHERE component = @c", connection, transaction);
        read.Parameters.AddWithValue("c", Component);
        var from = await read.ExecuteScalarAsync(cancellationToken) is int v ? v : 0;
        var to = scripts.Count == 0 ? 0 : scripts[^1].Version;
        if (from > to)
        {
            throw new InvalidOperationException($"The PostgreSQL database has Mesh schema version {from}, newer than this build's {to}; upgrade Mesh.");
        }

        foreach (var script in scripts.Where(s => s.Version > from))
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
        }

        await using var write = new NpgsqlCommand("INSERT INTO mesh_schema_version (component, version) VALUES (@c, @v) ON CONFLICT (component) DO UPDATE SET version = @v, applied_at = now()", connection, transaction);
        write.Parameters.AddWithValue("c", Component);
        write.Parameters.AddWithValue("v", to);
        await write.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (from, to);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
