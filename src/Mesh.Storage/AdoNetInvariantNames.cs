namespace Mesh.Storage;

/// <summary>The ADO.NET invariant names by which Orleans' providers pick a database driver.</summary>
internal static class AdoNetInvariantNames
{
    /// <summary>PostgreSQL through Npgsql.</summary>
    public const string PostgreSql = "Npgsql";

    /// <summary>SQLite; Orleans maps this name to Microsoft.Data.Sqlite.</summary>
    public const string Sqlite = "System.Data.SQLite";
}
