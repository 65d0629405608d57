using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Mesh.Chains.Evm.Local;

/// <summary>One <c>hardhat node --hostname 127.0.0.1</c> process; disposing it stops the node (its state is lost).</summary>
public sealed class HardhatNodeProcess : IAsyncDisposable
{
    private const int OutputLimit = 20_000;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private HardhatNodeProcess(Process process, Uri url, ulong chainId)
    {
        _process = process;
        Url = url;
        ChainId = chainId;
        ProcessId = process.Id;
    }

    /// <summary>The node's RPC URL.</summary>
    public Uri Url { get; }

    /// <summary>The chain id it serves.</summary>
    public ulong ChainId { get; }

    /// <summary>The process id.</summary>
    public int ProcessId { get; }

    /// <summary>Whether the process has exited (or was stopped).</summary>
    public bool HasExited => _disposed || _process.HasExited;

    /// <summary>Stops the node and waits for it to exit.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    internal static async Task<HardhatNodeProcess> StartAsync(HardhatToolchain toolchain, int port, ulong chainId, TimeSpan? blockInterval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(toolchain.NodeExecutable)
        {
            WorkingDirectory = toolchain.ContractsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var portText = port.ToString(CultureInfo.InvariantCulture);
        foreach (var argument in new[] { toolchain.HardhatCli, "node", "--hostname", "127.0.0.1", "--port", portText, "--chain-id", chainId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["HARDHAT_DISABLE_TELEMETRY_PROMPT"] = "true";
        var process = Process.Start(start) ?? throw new HardhatSetupException($"hardhat node on port {port} did not start.");
        var node = new HardhatNodeProcess(process, new Uri($"http://127.0.0.1:{portText}"), chainId);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitReadyAsync(timeout, cancellationToken).ConfigureAwait(false);
            if (blockInterval is { } interval)
            {
                using var probe = new EvmNodeProbe(TimeSpan.FromSeconds(5));
                await probe.CallAsync(node.Url, "evm_setIntervalMining", [(long)interval.TotalMilliseconds], cancellationToken).ConfigureAwait(false);
            }

            return node;
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var probe = new EvmNodeProbe(TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new HardhatSetupException($"hardhat node on {Url} exited with {_process.ExitCode}: {Output()}");
            }

            var (id, _) = await probe.ChainIdAsync(Url, cancellationToken).ConfigureAwait(false);
            if (id == ChainId)
            {
                return;
            }

            if (id is not null)
            {
                throw new HardhatSetupException($"{Url} answers with chain id {id}, not {ChainId}: another node holds the port.");
            }

            if (clock.Elapsed >= timeout)
            {
                throw new HardhatSetupException($"hardhat node on {Url} did not answer within {timeout.TotalSeconds:F0} s: {Output()}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < OutputLimit)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
