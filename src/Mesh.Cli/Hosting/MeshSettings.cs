using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Hosting;

/// <summary>The options every command takes: where the API is, the key, and JSON output.</summary>
internal class MeshSettings : CommandSettings
{
    /// <summary>The default API address: the silo's own default (<c>Urls</c> in src/Mesh.Silo/appsettings.json).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    [CommandOption("--url <URL>")]
    [Description("The mesh API's base address (else $MESH_URL, else " + DefaultUrl + ").")]
    public string? Url { get; init; }

    [CommandOption("--key <KEY>")]
    [Description("The API key (else $MESH_API_KEY); never printed.")]
    public string? Key { get; init; }

    [CommandOption("--json")]
    [Description("Print the API's answer as JSON only (for scripts).")]
    public bool Json { get; init; }

    [CommandOption("--http-timeout <SECONDS>")]
    [Description("How long one HTTP request may take.")]
    [DefaultValue(30)]
    public int HttpTimeoutSeconds { get; init; } = 30;

    public override ValidationResult Validate()
    {
        if (Url is not null && !IsHttpUrl(Url))
        {
            return ValidationResult.Error($"--url: '{Url}' is not an absolute http:// or https:// address.");
        }

        return HttpTimeoutSeconds is < 1 or > 3600
            ? ValidationResult.Error($"--http-timeout: must be 1 to 3600 seconds; it is {HttpTimeoutSeconds}.")
            : ValidationResult.Success();
    }

    internal static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
