using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Mesh.Benchmarks;

/// <summary>The machine line and the load average written into every results file.</summary>
internal static class MachineInfo
{
    public static string Line()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memoryKb = ReadField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = long.TryParse(memoryKb, CultureInfo.InvariantCulture, out var kb) ? string.Create(CultureInfo.InvariantCulture, $", {kb / 1024.0 / 1024.0:0} GiB") : string.Empty;
        return $"Machine: {cpu}, {Environment.ProcessorCount} logical cores{memory}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Orleans {OrleansVersion()}";
    }

    /// <summary>The 1, 5 and 15 minute load averages, e.g. <c>2.10 1.95 1.70</c>.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string OrleansVersion()
    {
        var version = typeof(IGrainFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        return version.Split('+', ' ')[0].TrimEnd('.');
    }

    private static string? ReadField(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
