using System.Text.Json;

namespace Mesh.Cli.Tests.Infrastructure;

/// <summary>What one mesh command line did: its exit code, what people saw, its errors and its plain (JSON) output.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error, string Json)
{
    public JsonElement ParseJson()
    {
        using var document = JsonDocument.Parse(Json);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}\n--- json\n{Json}";
}
