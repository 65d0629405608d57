namespace Mesh.TestGrains;

/// <summary>
/// Two of these call each other in a cycle: <see cref="CallAround"/> on A calls <see cref="CallBack"/> on B, which
/// calls <see cref="Answer"/> on A while A's first call is still running.
/// </summary>
[Alias("test.cycle")]
public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="partnerKey"/>, which calls this grain back; non-reentrant, as grains are by default.</summary>
    [Alias("test.cycle.call-around")]
    Task<string> CallAround(string partnerKey);

    /// <summary>The same cycle, with the call to the partner made under <c>RequestContext.AllowCallChainReentrancy()</c>.</summary>
    [Alias("test.cycle.call-around-reentrant")]
    Task<string> CallAroundAllowingReentrancy(string partnerKey);

    /// <summary>Calls <see cref="Answer"/> on <paramref name="originKey"/> and returns what it answered, prefixed with this grain's key.</summary>
    [Alias("test.cycle.call-back")]
    Task<string> CallBack(string originKey);

    /// <summary>Answers with this grain's key.</summary>
    [Alias("test.cycle.answer")]
    Task<string> Answer();
}
