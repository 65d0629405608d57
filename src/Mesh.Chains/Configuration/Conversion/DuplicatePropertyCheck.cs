using System.Text.Json;
using Mesh.Chains.Configuration.Json;

namespace Mesh.Chains.Configuration.Conversion;

/// <summary>
/// Reports a property that appears twice in one object. JSON Schema sees only one of the two, so this is checked in
/// code; the first occurrence is the one that counts.
/// </summary>
internal static class DuplicatePropertyCheck
{
    public static void Check(ErrorCollector errors, JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var propertyPath = JsonPath.Property(path, property.Name);
                if (names.Add(property.Name))
                {
                    Check(errors, property.Value, propertyPath);
                }
                else
                {
                    errors.Report(propertyPath, "duplicate property");
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Check(errors, item, JsonPath.Index(path, index++));
            }
        }
    }
}
