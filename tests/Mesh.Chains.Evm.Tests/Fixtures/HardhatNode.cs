using Mesh.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>One <c>hardhat node</c> process on a free loopback port.</summary>
internal sealed class HardhatNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HardhatNode(Process process, int port, ulong chainId)
    {
        _process = process;
        Port = port;
        ChainId = chainId;
        Url = new Uri($"http://127.0.0.1:{port}");
        Rpc = new TestRpc(Url);
    }

    public int Port { get; }

    public ulong ChainId { get; }

    public Uri Url { get; }

    public TestRpc Rpc { get; }

    public static async Task<HardhatNode> StartAsync(EvmSetup setup, ulong chainId, TimeSpan timeout)
    {
        var port = TestPorts.Next();
        var start = new ProcessStartInfo(setup.Node)
        {
            WorkingDirectory = setup.ContractsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { setup.HardhatCli, "node", "--hostname", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--chain-id", chainId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["HARDHAT_DISABLE_TELEMETRY_PROMPT"] = "true";
        var process = Process.Start(start) ?? throw new InvalidOperationException("hardhat node did not start.");
        var node = new HardhatNode(process, port, chainId);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitReadyAsync(timeout).ConfigureAwait(false);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"hardhat node on port {Port} exited with {_process.ExitCode}: {Output()}");
            }

            try
            {
                var id = await Rpc.CallAsync("eth_chainId").ConfigureAwait(false);
                if (Convert.ToUInt64(id.GetString(), 16) == ChainId)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet: poll again until the deadline.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"hardhat node on port {Port} did not answer within {timeout}: {Output()}");
            }

            await Task.Delay(50).ConfigureAwait(false);
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
