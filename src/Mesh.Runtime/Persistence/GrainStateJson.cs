using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mesh.Runtime.Persistence;

/// <summary>The JSON shape of stored grain state: camelCase, readable, enums as strings.</summary>
internal static class GrainStateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.Strict,
    };
}
