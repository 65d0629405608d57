using System.Reflection;
using Spectre.Console.Cli;

namespace Mesh.Cli.Hosting;

/// <summary>
/// A node of mesh's command tree: a branch (<c>protocol</c>, <c>operator cluster</c>) or a command with its settings
/// type. One tree both configures Spectre's app and generates the shell completion scripts, so the two never differ.
/// </summary>
/// <param name="Name">The word on the command line.</param>
/// <param name="Description">One line for <c>--help</c>.</param>
/// <param name="Settings">A command's settings type; null for a branch.</param>
/// <param name="Children">A branch's commands and branches.</param>
/// <param name="Register">Adds a command to the configurator it is given (<see cref="IConfigurator"/> or a branch's).</param>
internal sealed record CliNode(string Name, string Description, Type? Settings, IReadOnlyList<CliNode> Children, Func<object, ICommandConfigurator>? Register)
{
    public static CliNode Branch(string name, string description, params CliNode[] children) => new(name, description, null, children, null);

    public static CliNode Command<TCommand, TSettings>(string name, string description)
        where TCommand : class, ICommand<TSettings>
        where TSettings : CommandSettings =>
        new(name, description, typeof(TSettings), [], configurator => configurator switch
        {
            IConfigurator<CommandSettings> branch => branch.AddCommand<TCommand>(name),
            IConfigurator root => root.AddCommand<TCommand>(name),
            _ => throw new ArgumentException($"Not a configurator: {configurator.GetType()}.", nameof(configurator)),
        });

    /// <summary>Every option a command takes (long names with <c>--</c>, short with <c>-</c>), and <c>--help</c>.</summary>
    public IReadOnlyList<string> Options()
    {
        if (Settings is null)
        {
            return ["--help"];
        }

        var options = Settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .Where(o => !o.IsHidden)
            .SelectMany(o => o.LongNames.Select(n => "--" + n).Concat(o.ShortNames.Select(n => "-" + n)));
        return [.. options.Append("--help").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
