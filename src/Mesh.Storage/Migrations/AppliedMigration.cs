namespace Mesh.Storage.Migrations;

/// <summary>A row of <c>mesh_schema_migrations</c>: a script the database has had.</summary>
/// <param name="Version">The script's number.</param>
/// <param name="Name">The script's name when it was applied.</param>
/// <param name="Checksum">The SHA-256 of the script's text when it was applied.</param>
internal sealed record AppliedMigration(int Version, string Name, string Checksum);
