using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Api.Keys;

/// <summary>
/// At start (after the silo is up): when no unrevoked operator key exists, creates one and writes it to
/// <see cref="MeshApiOptions.OperatorKeyFile"/> with mode 0600. Logs only the file's path.
/// </summary>
internal sealed partial class OperatorKeyBootstrap(ApiKeyService keys, MeshApiOptions options, ILogger<OperatorKeyBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var created = await keys.BootstrapAsync(cancellationToken);
        if (created is not { } key)
        {
            return;
        }

        var path = Path.GetFullPath(options.OperatorKeyFile ?? "operator.key");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, fileOptions))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync(key.Key.AsMemory(), cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        LogCreated(logger, key.Summary.KeyId, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "No operator API key existed: created key {KeyId} and wrote it to {Path} (mode 0600); keep it secret")]
    private static partial void LogCreated(ILogger logger, string keyId, string path);
}
