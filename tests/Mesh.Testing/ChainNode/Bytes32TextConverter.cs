using System.Text.Json;
using System.Text.Json.Serialization;
using Mesh.Chains.Clients;

namespace Mesh.Testing.ChainNode;

/// <summary>A 32-byte hash as <c>0x</c> and 64 hex digits.</summary>
internal sealed class Bytes32TextConverter : JsonConverter<Bytes32>
{
    public override Bytes32 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Bytes32.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("A hash must be 0x and 64 hex digits.");

    public override void Write(Utf8JsonWriter writer, Bytes32 value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
