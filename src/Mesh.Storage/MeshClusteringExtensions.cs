namespace Mesh.Storage;

/// <summary>Picks Orleans' ADO.NET clustering on PostgreSQL, with the project's schema and queries, for silos and clients.</summary>
/// <remarks>The schema must exist first: see <see cref="SchemaMigrator"/>.</remarks>
public static class MeshClusteringExtensions
{
    /// <summary>Cluster membership in PostgreSQL: the silo registers, heartbeats and watches the other silos there.</summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseMeshPostgreSqlClustering(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo.UseAdoNetClustering(o =>
        {
            o.Invariant = AdoNetInvariantNames.PostgreSql;
            o.ConnectionString = connectionString;
        });
    }

    /// <summary>Finds the cluster's gateways in PostgreSQL (active silos that accept clients).</summary>
    /// <param name="client">The client builder.</param>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    /// <returns>The client builder.</returns>
    public static IClientBuilder UseMeshPostgreSqlClustering(this IClientBuilder client, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return client.UseAdoNetClustering(o =>
        {
            o.Invariant = AdoNetInvariantNames.PostgreSql;
            o.ConnectionString = connectionString;
        });
    }
}
