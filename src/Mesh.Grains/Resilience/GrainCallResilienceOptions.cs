namespace Mesh.Grains.Resilience;

/// <summary>Bounds of the retry pipeline for grain calls that are safe to repeat.</summary>
public sealed class GrainCallResilienceOptions
{
    /// <summary>Gets or sets the most retries after the first attempt.</summary>
    /// <value>The default is 10.</value>
    public int MaxRetryAttempts { get; set; } = 10;

    /// <summary>Gets or sets the delay before the first retry (then doubling, with jitter).</summary>
    /// <value>The default is 100 milliseconds.</value>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the longest delay between two attempts.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the deadline of all attempts together.</summary>
    /// <value>The default is 15 seconds: longer than failure detection of a frozen silo (under 5 s).</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
