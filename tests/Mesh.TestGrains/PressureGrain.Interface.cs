namespace Mesh.TestGrains;

/// <summary>
/// Puts its silo under memory pressure for soak tests: a retained heap of many small objects (which makes a full
/// collection expensive), short-lived garbage, and forced blocking full collections — the stop-the-world pauses a
/// busy production silo has, on demand.
/// </summary>
[Alias("test.pressure")]
public interface IPressureGrain : IGrainWithStringKey
{
    /// <summary>
    /// Grows (never shrinks) the activation's retained heap to about <paramref name="retainedMegabytes"/>, allocates
    /// about <paramref name="garbageMegabytes"/> of short-lived small objects and, if asked, forces a blocking,
    /// compacting full collection.
    /// </summary>
    /// <param name="retainedMegabytes">The retained heap to hold, about.</param>
    /// <param name="garbageMegabytes">The garbage to allocate in this call, about.</param>
    /// <param name="fullBlockingCollection">Whether to force a blocking, compacting generation-2 collection.</param>
    /// <returns>The time the silo process spent paused in collections during the call.</returns>
    [Alias("test.pressure.churn")]
    Task<TimeSpan> Churn(int retainedMegabytes, int garbageMegabytes, bool fullBlockingCollection);

    /// <summary>The silo address (<c>SiloAddress.ToParsableString()</c>) of this activation.</summary>
    /// <returns>The address.</returns>
    [Alias("test.pressure.silo")]
    Task<string> Silo();
}
