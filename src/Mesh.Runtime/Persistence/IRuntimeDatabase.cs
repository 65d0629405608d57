using Mesh.Runtime.Reminders;

namespace Mesh.Runtime.Persistence;

/// <summary>A database the runtime keeps its state and reminders in; it creates and migrates its own schema.</summary>
internal interface IRuntimeDatabase : IAsyncDisposable
{
    string ProviderName { get; }

    IGrainStorage GrainStorage { get; }

    IReminderTable Reminders { get; }

    /// <summary>Creates or upgrades the schema to the version this build expects; returns (from, to).</summary>
    Task<(int From, int To)> MigrateAsync(CancellationToken cancellationToken);
}
