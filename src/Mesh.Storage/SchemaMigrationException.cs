namespace Mesh.Storage;

/// <summary>
/// The database's schema cannot be brought up to date: a script recorded as applied differs from the one this build
/// carries, or a script failed. The message names the script and the storage provider.
/// </summary>
public sealed class SchemaMigrationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SchemaMigrationException"/> class.</summary>
    /// <param name="message">What went wrong, naming the script.</param>
    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SchemaMigrationException"/> class.</summary>
    /// <param name="message">What went wrong, naming the script.</param>
    /// <param name="innerException">The database's error.</param>
    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
