using System.Globalization;

namespace Mesh.Benchmarks;

/// <summary>
/// The probes BenchmarkDotNet's per-iteration statistics cannot give, as subcommands:
/// <c>--latency [out.md]</c>, <c>--cross-silo-latency [out.md]</c>, <c>--recovery [out.md]</c>, <c>--soak [out.md]</c>;
/// options <c>--calls N</c>, <c>--load-callers N</c>, <c>--runs N</c>, <c>--grains N</c>, <c>--silo-settings "--Key=value ..."</c>
/// (recovery and soak), <c>--minutes N</c>, <c>--retained-mb N</c>, <c>--garbage-mb N</c> (soak), <c>--note "text"</c>.
/// </summary>
internal sealed class ProbeCommand
{
    private static readonly string[] Names = ["--latency", "--cross-silo-latency", "--recovery", "--soak"];
    private readonly string _name;
    private readonly string? _output;
    private readonly Dictionary<string, string> _options;

    private ProbeCommand(string name, string? output, Dictionary<string, string> options)
    {
        _name = name;
        _output = output;
        _options = options;
    }

    public static bool TryParse(string[] args, out ProbeCommand command)
    {
        command = null!;
        if (args.Length == 0 || !Names.Contains(args[0], StringComparer.Ordinal))
        {
            return false;
        }

        var rest = args.Skip(1).ToList();
        string? output = rest.Count > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal) ? rest[0] : null;
        if (output is not null)
        {
            rest.RemoveAt(0);
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rest.Count; i += 2)
        {
            if (i + 1 >= rest.Count || !rest[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected '--option value' pairs after {args[0]}, got '{rest[i]}'.");
            }

            options[rest[i]] = rest[i + 1];
        }

        command = new ProbeCommand(args[0], output is null ? null : Path.GetFullPath(output), options);
        return true;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var note = _options.GetValueOrDefault("--note");
        var calls = Int("--calls", _name == "--latency" ? 1_000_000 : 50_000);
        var loadCallers = Int("--load-callers", 8);
        ProbeReport report;
        switch (_name)
        {
            case "--latency":
                report = new ProbeReport("### Local grain call latency (one in-process silo)", note);
                await LocalLatencyProbe.RunAsync(report, calls, loadCallers, cancellationToken);
                break;
            case "--cross-silo-latency":
                report = new ProbeReport("### Cross-silo grain call latency (two silo processes)", note);
                await CrossSiloLatencyProbe.RunAsync(report, calls, loadCallers, cancellationToken);
                break;
            case "--soak":
                report = new ProbeReport("### Membership soak: no false death under CPU saturation and GC pauses", note);
                var passed = await SoakProbe.RunAsync(
                    report, Double("--minutes", 15), loadCallers, Int("--retained-mb", 48), Int("--garbage-mb", 16), SiloSettings(), cancellationToken);
                await report.WriteAsync(_output, cancellationToken);
                return passed ? 0 : 2;
            default:
                report = new ProbeReport("### Kill and freeze to recovery", note);
                await RecoveryProbe.RunAsync(report, Int("--runs", 5), Int("--grains", 50), SiloSettings(), cancellationToken);
                break;
        }

        await report.WriteAsync(_output, cancellationToken);
        return 0;
    }

    /// <summary><c>--silo-settings "--A=1 --B=2"</c>: extra settings for every silo process a probe starts.</summary>
    private string[] SiloSettings() =>
        _options.TryGetValue("--silo-settings", out var text) ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    private double Double(string option, double defaultValue) =>
        _options.TryGetValue(option, out var text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : defaultValue;

    private int Int(string option, int defaultValue) =>
        _options.TryGetValue(option, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : defaultValue;
}
