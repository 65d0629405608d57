using System.Text.Json;

namespace Mesh.Api.Json;

/// <summary>
/// Thrown by a converter for a value it rejects; the serializer adds the JSON path, and the API answers 400 with
/// <see cref="Code"/>, the path as <c>field</c> and <c>"&lt;field&gt;: &lt;message&gt;"</c> as detail.
/// </summary>
public sealed class JsonFieldException : JsonException
{
    /// <summary>Creates the failure.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">What is wrong, without the field name (for example <c>must be a string of digits</c>).</param>
    public JsonFieldException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Gets the stable code.</summary>
    public string Code { get; }
}
