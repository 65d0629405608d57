using System.Text.Json;
using System.Text.Json.Serialization;
using Mesh.Api.Problems;

namespace Mesh.Api.Json;

/// <summary>Reads and writes an <see cref="Amount"/> as a JSON string of digits.</summary>
public sealed class AmountJsonConverter : JsonConverter<Amount>
{
    /// <inheritdoc />
    public override Amount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonFieldException(ApiErrorCodes.InvalidAmount, reader.TokenType == JsonTokenType.Number
                ? "must be a string of digits (amounts travel as JSON strings, not numbers)"
                : "must be a string of digits");
        }

        return Amount.TryParse(reader.GetString(), out var amount, out var error)
            ? amount
            : throw new JsonFieldException(ApiErrorCodes.InvalidAmount, error!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Amount value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
