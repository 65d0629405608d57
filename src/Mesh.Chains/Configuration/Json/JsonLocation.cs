using System.Text.Json;

namespace Mesh.Chains.Configuration.Json;

/// <summary>A place in a JSON document found from a JSON Pointer.</summary>
/// <param name="Path">The JSON path, e.g. <c>$.chains[0].confirmations</c>.</param>
/// <param name="Value">The value there, or <see langword="null"/> when the document has none.</param>
/// <param name="Order">The index of each step (property position or array index), to sort locations in file order.</param>
internal sealed record JsonLocation(string Path, JsonElement? Value, IReadOnlyList<int> Order);
