using System.Text.Json;

namespace Mesh.Chains.Configuration.Json;

/// <summary>
/// Resolves RFC 6901 JSON Pointers (<c>/chains/0/confirmations</c>) against a document and turns them into the JSON
/// paths used in error messages (<c>$.chains[0].confirmations</c>). A segment is an array index only where the
/// document has an array, so a property named <c>0</c> stays a property.
/// </summary>
internal static class JsonPointers
{
    public static JsonLocation Resolve(JsonElement root, string pointer)
    {
        var path = JsonPath.Root;
        JsonElement? current = root;
        var order = new List<int>();
        foreach (var segment in Segments(pointer))
        {
            if (current is { ValueKind: JsonValueKind.Array } array && int.TryParse(segment, out var index) && index >= 0)
            {
                path = JsonPath.Index(path, index);
                order.Add(index);
                current = index < array.GetArrayLength() ? array[index] : null;
            }
            else
            {
                path = JsonPath.Property(path, segment);
                current = FindProperty(current, segment, out var position);
                order.Add(position);
            }
        }

        return new JsonLocation(path, current, order);
    }

    public static IEnumerable<string> Segments(string pointer)
    {
        if (pointer.Length == 0)
        {
            yield break;
        }

        if (pointer[0] != '/')
        {
            throw new ArgumentException($"'{pointer}' is not a JSON Pointer.", nameof(pointer));
        }

        foreach (var segment in pointer[1..].Split('/'))
        {
            yield return segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }
    }

    private static JsonElement? FindProperty(JsonElement? element, string name, out int position)
    {
        position = 0;
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property.Value;
            }

            position++;
        }

        return null;
    }
}
