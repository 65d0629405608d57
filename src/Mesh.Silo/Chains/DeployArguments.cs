namespace Mesh.Silo.Chains;

/// <summary>The command line of <c>deploy</c>: its own options, and <c>--Key=Value</c> settings passed on to configuration.</summary>
/// <param name="ChainsFile">The chains file to read (<c>--chains</c>), or null for <c>Mesh:ChainsFile</c>.</param>
/// <param name="OutputFile">The file to write (<c>--out</c>), or null for the chains file itself.</param>
/// <param name="Force">Whether to deploy everything again even where code is deployed (<c>--force</c>).</param>
/// <param name="Settings">The <c>--Mesh:...=value</c> arguments.</param>
internal sealed record DeployArguments(string? ChainsFile, string? OutputFile, bool Force, IReadOnlyList<string> Settings)
{
    /// <exception cref="ArgumentException">An unknown option, or an option without its value; the message names it.</exception>
    public static DeployArguments Parse(IReadOnlyList<string> args)
    {
        string? chains = null;
        string? output = null;
        var force = false;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--chains=", StringComparison.Ordinal) || arg.StartsWith("--out=", StringComparison.Ordinal))
            {
                var (name, value) = (arg[..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new ArgumentException($"{name} needs a file path.");
                }

                if (name == "--chains")
                {
                    chains = value;
                }
                else
                {
                    output = value;
                }

                continue;
            }

            switch (arg)
            {
                case "--chains":
                    chains = Value(args, ref i, arg);
                    break;
                case "--out":
                    output = Value(args, ref i, arg);
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
                    {
                        settings.Add(arg);
                        if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                        {
                            settings.Add(args[++i]);
                        }

                        break;
                    }

                    throw new ArgumentException($"unknown option {arg} (expected --chains <file>, --out <file>, --force or --Mesh:<setting>=<value>).");
            }
        }

        return new DeployArguments(chains, output, force, settings);
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string option) =>
        i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(args[i + 1])
            ? args[++i]
            : throw new ArgumentException($"{option} needs a file path.");
}
