using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>
/// YAML documents as JSON nodes, with plain scalars typed by YAML 1.2's core schema (<c>3</c> a number, <c>true</c> a
/// boolean, <c>"3"</c> a string), the way Kubernetes and docker-compose read them. Anchors and merge keys are resolved.
/// </summary>
internal static partial class YamlJson
{
    /// <summary>Every document of a YAML text (empty documents skipped).</summary>
    public static List<JsonNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "" }).Select(d => Convert(d.RootNode)!)];
    }

    /// <summary>The single document of a YAML text.</summary>
    public static JsonObject Document(string yaml) => Assert.Single(Documents(yaml)).AsObject();

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType} at {node.Start}"),
    };

    private static JsonObject Mapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (name == "<<")
            {
                // Merge key: the merged mapping's entries, unless this mapping sets them itself.
                foreach (var (mergedKey, mergedValue) in Mapping((YamlMappingNode)value))
                {
                    if (!mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == mergedKey))
                    {
                        result[mergedKey] = mergedValue?.DeepClone();
                    }
                }

                continue;
            }

            result[name] = Convert(value);
        }

        return result;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when Integer().IsMatch(text) => JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)),
            _ when Float().IsMatch(text) => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
