namespace Mesh.Storage.Migrations;

/// <summary>One numbered schema script (<c>deploy/&lt;provider&gt;/NNN_name.sql</c>), as embedded in this assembly.</summary>
/// <param name="Version">The number the file name starts with.</param>
/// <param name="Name">The file name without <c>.sql</c>, e.g. <c>002_clustering</c>.</param>
/// <param name="Text">The script, line endings normalized to LF.</param>
/// <param name="Checksum">The lower-case hex SHA-256 of <paramref name="Text"/> in UTF-8.</param>
internal sealed record MigrationScript(int Version, string Name, string Text, string Checksum);
