using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mesh.Api.Domain;

/// <summary>Writes base-unit amounts in responses as JSON strings of digits, as requests carry them (a JSON number loses precision past 2^53).</summary>
public sealed class UInt128StringJsonConverter : JsonConverter<UInt128>
{
    /// <inheritdoc />
    public override UInt128 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && UInt128.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException("must be a string of digits");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, UInt128 value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
