namespace Mesh.Testing.ChainNode;

/// <summary>A delay for every client call of a chain; zero disarms.</summary>
/// <param name="Latency">The delay.</param>
public sealed record ChainNodeLatency(TimeSpan Latency);
