using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mesh.Testing.ChainNode;

/// <summary>A base-unit amount as a JSON string of digits.</summary>
internal sealed class UInt128TextConverter : JsonConverter<UInt128>
{
    public override UInt128 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && UInt128.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException("An amount must be a string of digits.");

    public override void Write(Utf8JsonWriter writer, UInt128 value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
