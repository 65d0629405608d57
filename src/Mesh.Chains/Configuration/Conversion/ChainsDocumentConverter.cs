using System.Text.Json;
using Mesh.Chains.Configuration.Json;
using Mesh.Chains.Configuration.Schema;

namespace Mesh.Chains.Configuration.Conversion;

/// <summary>
/// Validates a <c>chains.json</c> document against <c>chains.schema.json</c>, then runs the checks a schema cannot
/// express on the parts that passed it, and converts the document into a <see cref="ChainsConfiguration"/>.
/// </summary>
internal static class ChainsDocumentConverter
{
    public const int SupportedVersion = 1;

    public static ChainsConfiguration? Convert(ErrorCollector errors, JsonElement root)
    {
        var schema = ChainsSchema.Embedded;
        var violations = schema.Evaluate(root);
        errors.ReportAll(SchemaErrorTranslator.Translate(schema.Root, root, violations));
        DuplicatePropertyCheck.Check(errors, root, JsonPath.Root);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var validity = new SchemaValidity(violations);
        var identities = new ChainIdentityCheck();
        var chains = ConvertChains(errors, root, validity, identities);
        var routes = ConvertRoutes(errors, root, validity);
        RouteReferenceValidator.Validate(errors, routes, chains, identities.DeclaredNames);
        if (errors.HasErrors)
        {
            return null;
        }

        return new ChainsConfiguration
        {
            Version = SupportedVersion,
            Chains = [.. chains.Values.OrderBy(c => c.Index).Select(c => c.Chain)],
            Routes = [.. routes.Select(r => r.Route)],
        };
    }

    private static Dictionary<string, ParsedChain> ConvertChains(
        ErrorCollector errors, JsonElement root, SchemaValidity validity, ChainIdentityCheck identities)
    {
        var chains = new Dictionary<string, ParsedChain>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in Items(root, "chains"))
        {
            var path = JsonPath.Index(JsonPath.Property(JsonPath.Root, "chains"), index);
            var chain = validity.IsValid($"/chains/{index}") ? ChainConverter.Convert(errors, item, path) : null;
            if (identities.Check(errors, item, path) && chain is not null)
            {
                chains.Add(chain.Name, new ParsedChain(chain, path, index));
            }

            index++;
        }

        return chains;
    }

    private static List<(BridgeRoute Route, string Path)> ConvertRoutes(ErrorCollector errors, JsonElement root, SchemaValidity validity)
    {
        var routes = new List<(BridgeRoute Route, string Path)>();
        var index = 0;
        foreach (var item in Items(root, "routes"))
        {
            var path = JsonPath.Index(JsonPath.Property(JsonPath.Root, "routes"), index);
            if (validity.IsValid($"/routes/{index}") && RouteConverter.Convert(errors, item, path) is { } route)
            {
                routes.Add((route, path));
            }

            index++;
        }

        return routes;
    }

    private static JsonElement[] Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];
}
