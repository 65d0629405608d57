namespace Mesh.Grains.Transfers;

/// <summary>Names of the services the transfer grains resolve.</summary>
public static class TransferServices
{
    /// <summary>
    /// The key of the <see cref="TimeProvider"/> the transfer grains read quotes' expiry, timeouts and chain head ages
    /// from (a keyed service; by default the registered <see cref="TimeProvider"/>), so that a test can drive their
    /// clock, and the simulated chains', without driving Orleans' own.
    /// </summary>
    public const string ClockKey = "mesh.transfers.clock";
}
