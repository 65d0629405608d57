using System.Net;
using System.Text.Json;

namespace Mesh.Testing.Scenarios;

/// <summary>One HTTP answer of a silo.</summary>
/// <param name="Silo">The silo that answered.</param>
/// <param name="Status">The status code.</param>
/// <param name="Json">The body (default when empty).</param>
/// <param name="Replayed">Whether it carried <c>Idempotent-Replayed: true</c> (the first answer to the same idempotency key).</param>
public sealed record MeshReply(Uri Silo, HttpStatusCode Status, JsonElement Json, bool Replayed)
{
    /// <summary>Gets whether the status is 2xx.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The body's string property.</summary>
    /// <param name="name">The property.</param>
    /// <returns>Its value.</returns>
    public string Text(string name) => Json.GetProperty(name).GetString() ?? throw new InvalidOperationException($"{name} is null in {Json}");

    /// <inheritdoc />
    public override string ToString() => $"{(int)Status} from {Silo}{(Replayed ? " (replayed)" : string.Empty)}: {Json}";
}
