namespace Mesh.Cli.Hosting;

/// <summary>Bad input found by a command before anything was sent (exit code 2); the message names the option.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
