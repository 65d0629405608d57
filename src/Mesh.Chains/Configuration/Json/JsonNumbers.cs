using System.Text.Json;

namespace Mesh.Chains.Configuration.Json;

/// <summary>
/// Reads integers that the schema has already checked. JSON Schema counts <c>3.0</c> and <c>1e2</c> as integers, so a
/// value that is not written as plain digits is read through <see cref="decimal"/>.
/// </summary>
internal static class JsonNumbers
{
    public static int Int32(JsonElement element) =>
        element.TryGetInt32(out var value) ? value : (int)element.GetDecimal();

    public static ulong UInt64(JsonElement element) =>
        element.TryGetUInt64(out var value) ? value : (ulong)element.GetDecimal();
}
