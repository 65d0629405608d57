using System.Text.Json;
using Json.Schema;

namespace Mesh.Chains.Configuration.Schema;

/// <summary>
/// <c>chains.schema.json</c> (JSON Schema draft 2020-12), embedded in this assembly from the repository root so that
/// validation does not depend on the working directory.
/// </summary>
internal sealed class ChainsSchema
{
    public const string ResourceName = "Mesh.Chains.chains.schema.json";

    private static readonly Lazy<ChainsSchema> EmbeddedSchema = new(LoadEmbedded);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema _schema;

    private ChainsSchema(JsonElement root, JsonSchema schema)
    {
        Root = root;
        _schema = schema;
    }

    /// <summary>The schema embedded in this assembly.</summary>
    public static ChainsSchema Embedded => EmbeddedSchema.Value;

    /// <summary>The schema document, for the messages and property lists it holds.</summary>
    public JsonElement Root { get; }

    /// <summary>Builds a schema from its text, in a registry of its own so its <c>$id</c> never clashes.</summary>
    public static ChainsSchema FromText(string text)
    {
        var root = JsonElement.Parse(text);
        var schema = JsonSchema.Build(root, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        return new ChainsSchema(root, schema);
    }

    /// <summary>Evaluates a document and returns every failing keyword, or nothing when the document is valid.</summary>
    public IReadOnlyList<SchemaViolation> Evaluate(JsonElement instance)
    {
        var results = _schema.Evaluate(instance, Options);
        if (results.IsValid)
        {
            return [];
        }

        var violations = new List<SchemaViolation>();
        foreach (var node in results.Details ?? [results])
        {
            foreach (var (keyword, detail) in node.Errors ?? new Dictionary<string, string>())
            {
                violations.Add(new SchemaViolation(node.InstanceLocation.ToString(), Fragment(node.SchemaLocation), keyword, detail));
            }
        }

        return violations;
    }

    private static string Fragment(Uri location)
    {
        var text = location.OriginalString;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? string.Empty : Uri.UnescapeDataString(text[(hash + 1)..]);
    }

    private static ChainsSchema LoadEmbedded()
    {
        using var stream = typeof(ChainsSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no embedded resource '{ResourceName}'.");
        using var reader = new StreamReader(stream);
        return FromText(reader.ReadToEnd());
    }
}
