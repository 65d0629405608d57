using System.Text.Json;
using Json.Schema;
using Mesh.Chains.Configuration;

namespace Mesh.Chains.Tests.Configuration.Schema;

/// <summary>The published <c>chains.schema.json</c> at the repository root, checked with the validator the loader uses.</summary>
public class ChainsSchemaTests
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    private static readonly EvaluationOptions ListOutput = new() { OutputFormat = OutputFormat.List };

    private static string SchemaPath => Path.Combine(RepositoryRoot.Find(), "chains.schema.json");

    [Fact]
    public void Evaluate_CommittedChainsJson_IsValid()
    {
        var sut = JsonSchema.FromText(File.ReadAllText(SchemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var chains = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "chains.json")), DocumentOptions);

        var results = sut.Evaluate(chains.RootElement, ListOutput);

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Evaluate_SchemaFileAgainstDraft202012MetaSchema_IsValid()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        var results = MetaSchemas.Draft202012.Evaluate(schema.RootElement, ListOutput);

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Evaluate_BrokenSchemaAgainstDraft202012MetaSchema_IsInvalid()
    {
        using var schema = JsonDocument.Parse("""{ "type": "whole number", "minimum": "zero" }""");

        var results = MetaSchemas.Draft202012.Evaluate(schema.RootElement, ListOutput);

        Assert.False(results.IsValid);
    }

    [Fact]
    public void SchemaFile_Header_DeclaresDraft202012AndAnId()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.True(Uri.IsWellFormedUriString(schema.RootElement.GetProperty("$id").GetString(), UriKind.Absolute));
    }

    [Fact]
    public void SchemaFile_EveryProperty_HasADescriptionForEditors()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        var undocumented = PropertySchemas(schema.RootElement, "#")
            .Where(p => !p.Schema.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
            .Select(p => p.Location)
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void CommittedChainsJson_FirstProperty_PointsEditorsAtTheSchema()
    {
        using var chains = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "chains.json")), DocumentOptions);

        var first = chains.RootElement.EnumerateObject().First();

        Assert.Equal("$schema", first.Name);
        Assert.Equal("./chains.schema.json", first.Value.GetString());
    }

    [Fact]
    public void EmbeddedResource_Content_IsTheRepositorySchemaFile()
    {
        using var stream = typeof(ChainsConfigurationLoader).Assembly.GetManifestResourceStream("Mesh.Chains.chains.schema.json");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);

        var sut = reader.ReadToEnd();

        Assert.Equal(File.ReadAllText(SchemaPath), sut);
    }

    private static IEnumerable<(string Location, JsonElement Schema)> PropertySchemas(JsonElement schema, string location)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var children = keyword.Name is "properties" or "$defs" ? keyword.Value.EnumerateObject().ToList() : [];
            foreach (var child in children)
            {
                var childLocation = $"{location}/{keyword.Name}/{child.Name}";
                if (keyword.Name == "properties")
                {
                    yield return (childLocation, child.Value);
                }

                foreach (var nested in PropertySchemas(child.Value, childLocation))
                {
                    yield return nested;
                }
            }

            if (keyword.Name is "items" or "additionalProperties")
            {
                foreach (var nested in PropertySchemas(keyword.Value, $"{location}/{keyword.Name}"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string Describe(EvaluationResults results) => string.Join(
        '\n',
        (results.Details ?? [results])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
}
