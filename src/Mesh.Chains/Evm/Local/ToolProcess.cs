using System.Diagnostics;
using System.Text;

namespace Mesh.Chains.Evm.Local;

/// <summary>Runs a command of the tool chain (npm, node) to completion and keeps the tail of its output for errors.</summary>
internal static class ToolProcess
{
    private const int TailLines = 30;

    public static async Task RunAsync(string step, string executable, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new HardhatSetupException($"{step}: {executable} did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new HardhatSetupException($"{step}: cannot run {executable} ({exception.Message}).", exception);
        }

        using (process)
        {
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new HardhatSetupException($"{step}: {Path.GetFileName(executable)} did not finish within {timeout.TotalMinutes:F0} minutes.{Tail(tail)}");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new HardhatSetupException($"{step}: {Path.GetFileName(executable)} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}.{Tail(tail)}");
            }
        }
    }

    /// <summary>The full path of a command on PATH, or null.</summary>
    public static string? OnPath(string command)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Tail(Queue<string> tail)
    {
        lock (tail)
        {
            var text = new StringBuilder();
            foreach (var line in tail)
            {
                text.Append(Environment.NewLine).Append("  ").Append(line);
            }

            return text.ToString();
        }
    }
}
