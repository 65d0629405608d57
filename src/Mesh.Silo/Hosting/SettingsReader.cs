using System.Collections;
using System.Reflection;

namespace Mesh.Silo.Hosting;

/// <summary>
/// Binds the <c>Mesh</c> section to <see cref="MeshOptions"/> and refuses what binding would silently ignore: a key
/// that names no setting (a typo) and a value that does not convert. Every problem names the full key.
/// </summary>
internal static partial class SettingsReader
{
    public static MeshOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(MeshOptions.SectionName);
        var problems = new List<string>();
        foreach (var child in section.GetChildren())
        {
            CheckKnown(child, typeof(MeshOptions), problems);
        }

        if (problems.Count > 0)
        {
            throw new SiloConfigurationException(string.Join(Environment.NewLine, problems));
        }

        MeshOptions options;
        try
        {
            options = section.Get<MeshOptions>() ?? new MeshOptions();
        }
        catch (InvalidOperationException exception)
        {
            throw new SiloConfigurationException(Describe(exception));
        }

        problems.AddRange(SettingsValidation.Validate(options));
        return problems.Count > 0 ? throw new SiloConfigurationException(string.Join(Environment.NewLine, problems)) : options;
    }

    private static void CheckKnown(IConfigurationSection section, Type owner, List<string> problems)
    {
        var properties = owner.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        var property = properties.FirstOrDefault(p => string.Equals(p.Name, section.Key, StringComparison.OrdinalIgnoreCase));
        if (property is null)
        {
            var suggestion = properties.MinBy(p => Distance(p.Name.ToUpperInvariant(), section.Key.ToUpperInvariant()));
            var hint = suggestion is null ? string.Empty : $" (did you mean {ParentPath(section.Path)}:{suggestion.Name}?)";
            problems.Add($"{section.Path}: unknown setting{hint}.");
            return;
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var children = section.GetChildren().ToList();
        if (IsScalar(type))
        {
            if (children.Count > 0)
            {
                problems.Add($"{section.Path}: is a single value, not a section.");
            }

            return;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return;
        }

        foreach (var child in children)
        {
            CheckKnown(child, type, problems);
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);

    private static string ParentPath(string path) => path[..path.LastIndexOf(':')];

    /// <summary>The binder's message names the value, the key and the CLR type; say it with the key first and the accepted values.</summary>
    private static string Describe(InvalidOperationException exception)
    {
        var match = BinderMessage().Match(exception.Message);
        if (!match.Success)
        {
            return exception.Message;
        }

        var (value, key, typeName) = (match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value);
        var type = Type.GetType(typeName) ?? typeof(MeshOptions).Assembly.GetType(typeName) ?? typeof(Storage.StorageProvider).Assembly.GetType(typeName);
        var expected = type is { IsEnum: true } ? $"one of {string.Join(", ", Enum.GetNames(type))}" : (type?.Name ?? typeName) switch
        {
            "Int32" or "Int64" => "a whole number",
            "TimeSpan" => "a duration such as 00:00:30",
            "Boolean" => "true or false",
            var other => $"a {other}",
        };
        return $"{key}: the value '{value}' cannot be read (expected {expected}).";
    }

    [System.Text.RegularExpressions.GeneratedRegex("value '(?<value>[^']*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial System.Text.RegularExpressions.Regex BinderMessage();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
