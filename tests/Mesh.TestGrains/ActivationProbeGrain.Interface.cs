namespace Mesh.TestGrains;

/// <summary>
/// Reports which activation answered: every activation draws a fresh id, so a key answered by two ids that were alive
/// at the same time had two activations at once (a duplicate activation).
/// </summary>
[Alias("test.activation-probe")]
public interface IActivationProbeGrain : IGrainWithStringKey
{
    /// <summary>The activation's id and silo.</summary>
    /// <returns>Who answered.</returns>
    [Alias("test.activation-probe.where")]
    Task<ActivationProbeReply> Where();
}
