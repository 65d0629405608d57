using System.Text.Json;
using System.Text.Json.Serialization;
using Mesh.Chains.Clients;

namespace Mesh.Testing.ChainNode;

/// <summary>An operation id as <c>0x</c> and 64 hex digits.</summary>
internal sealed class OperationIdTextConverter : JsonConverter<OperationId>
{
    public override OperationId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Bytes32.TryParse(reader.GetString(), out var value)
            ? new OperationId(value)
            : throw new JsonException("An operation id must be 0x and 64 hex digits.");

    public override void Write(Utf8JsonWriter writer, OperationId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
