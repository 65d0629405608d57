using System.Text.Json;

namespace Mesh.Cli.Http;

/// <summary>A successful answer: its status (200, 201, 202) and JSON body (undefined when empty).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body.</param>
internal sealed record ApiAnswer(int Status, JsonElement Body);
