using System.Diagnostics;
using System.Globalization;
using Mesh.Chains.Clients;

namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>
/// One "silo" as a process of its own (<c>Mesh.TestEvmSubmitter.dll</c>): an EVM client on the shared PostgreSQL
/// store that, once told to go, submits a batch of deposits at once and reports their transaction hashes.
/// </summary>
internal sealed class SubmitterProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SubmitterProcess(Process process) => _process = process;

    public static async Task<SubmitterProcess> StartAsync(string chainFile, string connectionString, string protocol, string account, string token, UInt128 amount, string prefix, int count)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Mesh.TestEvmSubmitter.dll"), chainFile, "1", connectionString, protocol, account, token, amount.ToString(CultureInfo.InvariantCulture), prefix, count.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The submitter did not start.");
        var submitter = new SubmitterProcess(process);
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (ready != "ready")
        {
            var rest = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await submitter.DisposeAsync();
            throw new InvalidOperationException($"The submitter did not get ready: {ready}{rest}");
        }

        return submitter;
    }

    public Task GoAsync() => _process.StandardInput.WriteLineAsync("go");

    /// <summary>Waits for the exit and returns the transaction hashes, in operation order; throws with the output when it failed.</summary>
    public async Task<IReadOnlyList<Bytes32>> HashesAsync()
    {
        var output = await _process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var errors = await _process.StandardError.ReadToEndAsync();
        await _process.WaitForExitAsync();
        return _process.ExitCode == 0
            ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Bytes32.Parse).ToList()
            : throw new Xunit.Sdk.XunitException($"The submitter exited with {_process.ExitCode}: {output}{errors}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
