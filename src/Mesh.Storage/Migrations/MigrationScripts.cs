using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mesh.Storage.Migrations;

/// <summary>The schema scripts embedded in this assembly (linked from <c>deploy/postgres</c> and <c>deploy/sqlite</c>).</summary>
internal static class MigrationScripts
{
    private const string ResourcePrefix = "schema/";

    /// <summary>The scripts of a provider, in version order.</summary>
    /// <param name="provider">The storage provider.</param>
    /// <returns>The scripts, lowest version first.</returns>
    public static IReadOnlyList<MigrationScript> For(StorageProvider provider)
    {
        var folder = ResourcePrefix + Folder(provider) + "/";
        var assembly = typeof(MigrationScripts).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[folder.Length..^".sql".Length]))
            .OrderBy(script => script.Version)
            .ToList();
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Schema {provider}: scripts {string.Join(" and ", duplicate.Select(s => s.Name))} share version {duplicate.Key}.");
        }

        return scripts;
    }

    /// <summary>The checksum recorded for a script: the lower-case hex SHA-256 of its LF-normalized UTF-8 text.</summary>
    /// <param name="text">The script's text.</param>
    /// <returns>64 hex digits; what <c>sha256sum</c> prints for the file when it has LF line endings and no BOM.</returns>
    public static string Checksum(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Folder(StorageProvider provider) => provider switch
    {
        StorageProvider.PostgreSql => "postgres",
        StorageProvider.Sqlite => "sqlite",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };

    private static MigrationScript Load(System.Reflection.Assembly assembly, string resource, string name)
    {
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Schema script {name}.sql is not named NNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Schema script {name}.sql is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        return new MigrationScript(version, name, text, Checksum(text));
    }
}
