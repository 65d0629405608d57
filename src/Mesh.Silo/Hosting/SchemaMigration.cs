using Mesh.Storage;

namespace Mesh.Silo.Hosting;

/// <summary>Brings this silo's storage schema up to date; the host runs it before Orleans starts.</summary>
public sealed class SchemaMigration
{
    private readonly StorageProvider _provider;
    private readonly string _connectionString;
    private readonly ILogger _logger;

    internal SchemaMigration(StorageProvider provider, string connectionString, ILogger<SchemaMigration> logger)
    {
        _provider = provider;
        _connectionString = connectionString;
        _logger = logger;
    }

    /// <summary>Applies the scripts the database lacks.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The number of scripts applied.</returns>
    public Task<int> ApplyAsync(CancellationToken cancellationToken) => SchemaMigrator.ApplyAsync(_provider, _connectionString, _logger, cancellationToken);
}
