using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mesh.Testing.ChainNode;

/// <summary>
/// The JSON of the chain node's wire: camelCase names, enums as camelCase strings, base-unit amounts (UInt128),
/// hashes (Bytes32) and operation ids as strings, so that nothing loses precision past 2^53.
/// </summary>
public static class ChainNodeJson
{
    /// <summary>Gets the serializer options both ends use.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UInt128TextConverter());
        options.Converters.Add(new Bytes32TextConverter());
        options.Converters.Add(new OperationIdTextConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
