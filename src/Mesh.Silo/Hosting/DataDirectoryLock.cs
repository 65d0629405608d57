namespace Mesh.Silo.Hosting;

/// <summary>
/// An exclusive lock on a single node's data folder, held for the life of the process, so that a second silo started on
/// the same folder refuses to start instead of sharing its SQLite file.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private const string FileName = ".mesh-silo.lock";
    private const string PidFileName = ".mesh-silo.pid";
    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream, string directory)
    {
        _stream = stream;
        Directory = directory;
    }

    public string Directory { get; }

    /// <exception cref="SiloConfigurationException">The folder cannot be created or written, or another silo holds it.</exception>
    public static DataDirectoryLock Acquire(string directory)
    {
        var full = Path.GetFullPath(directory);
        var path = Path.Combine(full, FileName);
        try
        {
            System.IO.Directory.CreateDirectory(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SiloConfigurationException($"Mesh:DataDirectory: cannot create the data folder {full} ({exception.Message.TrimEnd('.')}).");
        }

        FileStream stream;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix; it is released when the process exits, even when killed.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new SiloConfigurationException($"Mesh:DataDirectory: the data folder {full} is not writable ({exception.Message.TrimEnd('.')}).");
        }
        catch (IOException exception) when (File.Exists(path))
        {
            throw new SiloConfigurationException(
                $"Mesh:DataDirectory: the data folder {full} is in use by another silo{Owner(full)}; a single node owns its data folder (stop it, or start this one with another --Mesh:DataDirectory). ({exception.Message.TrimEnd('.')})");
        }
        catch (IOException exception)
        {
            throw new SiloConfigurationException($"Mesh:DataDirectory: the data folder {full} is not writable ({exception.Message.TrimEnd('.')}).");
        }

        // The lock file itself cannot be read while locked, so the owner's pid goes beside it, for the message above.
        File.WriteAllText(Path.Combine(full, PidFileName), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new DataDirectoryLock(stream, full);
    }

    public void Dispose() => _stream.Dispose();

    private static string Owner(string directory)
    {
        try
        {
            var pid = File.ReadAllText(Path.Combine(directory, PidFileName)).Trim();
            return pid.Length > 0 ? $" (pid {pid})" : string.Empty;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
