using System.Text.Json;
using Mesh.Chains.Configuration.Conversion;
using Mesh.Chains.Configuration.Json;

namespace Mesh.Chains.Configuration;

/// <summary>
/// Loads and validates <c>chains.json</c>. Every problem in the file is reported, each with the JSON path of the
/// offending value, in one <see cref="ChainsConfigurationException"/>.
/// </summary>
public static class ChainsConfigurationLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    /// <summary>Reads and validates a <c>chains.json</c> file.</summary>
    /// <param name="path">The file path; it is also the source name used in error messages.</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="ChainsConfigurationException">The file is missing, unreadable or invalid.</exception>
    public static ChainsConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Failure(path, $"file not found: {Path.GetFullPath(path)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failure(path, $"cannot read file {Path.GetFullPath(path)}: {ex.Message}");
        }

        return Parse(json, path);
    }

    /// <summary>Validates the text of a <c>chains.json</c> document.</summary>
    /// <param name="json">The JSON text. Comments are allowed; trailing commas are not.</param>
    /// <param name="sourceName">The name used in error messages, usually the file path.</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="ChainsConfigurationException">The document is not valid JSON or breaks the schema.</exception>
    public static ChainsConfiguration Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw Failure(sourceName, $"invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {WithoutPosition(ex.Message)}");
        }

        using (document)
        {
            var errors = new ErrorCollector();
            var configuration = ChainsDocumentConverter.Convert(errors, document.RootElement);
            if (errors.HasErrors)
            {
                throw new ChainsConfigurationException(sourceName, errors.Errors);
            }

            return configuration ?? throw new InvalidOperationException($"{sourceName}: parsing failed without reporting an error.");
        }
    }

    private static ChainsConfigurationException Failure(string sourceName, string message) =>
        new(sourceName, [new ChainsConfigurationError(JsonPath.Root, message)]);

    private static string WithoutPosition(string message)
    {
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }
}
