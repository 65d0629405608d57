using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Mesh.Storage.Persistence;

/// <summary>
/// Grain state as plain JSON (System.Text.Json): no CLR type names, so a state class can be renamed or moved without
/// losing stored rows; unknown properties are skipped and missing ones keep their defaults, so a field can be added
/// or removed. The JSON is what an operator reads in the database (<c>payload->>'balance'</c>).
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Initializes a new instance of the <see cref="JsonGrainStorageSerializer"/> class with <see cref="CreateDefaultOptions"/>.</summary>
    public JsonGrainStorageSerializer()
        : this(CreateDefaultOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonGrainStorageSerializer"/> class.</summary>
    /// <param name="options">The serializer options; made read-only here. Start from <see cref="CreateDefaultOptions"/>.</param>
    public JsonGrainStorageSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MakeReadOnly(populateMissingResolver: true);
        _options = options;
    }

    /// <summary>
    /// Creates the default options: camelCase property names read case-insensitively, enums as their names (numbers
    /// still read), numbers also read from strings, NaN and infinities allowed, <see cref="System.Numerics.BigInteger"/>
    /// as an exact number, and unknown properties skipped.
    /// </summary>
    /// <returns>New, mutable options.</returns>
    public static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: true));
        options.Converters.Add(new BigIntegerJsonConverter());
        return options;
    }

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, _options));

    /// <inheritdoc />
    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, _options);
    }
}
