using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

/// <summary>The RPC faults armed on a simulated chain. Used under the chain's lock.</summary>
internal sealed class SimulatedFaults
{
    private int _failNext;
    private ChainErrorKind _failNextKind;
    private double _failureRate;
    private ChainErrorKind _failureRateKind;

    public TimeSpan Latency { get; set; }

    public void FailNext(int count, ChainErrorKind kind) => (_failNext, _failNextKind) = (count, kind);

    public void FailAtRate(double probability, ChainErrorKind kind) => (_failureRate, _failureRateKind) = (probability, kind);

    public void Clear() => (_failNext, _failureRate, Latency) = (0, 0, TimeSpan.Zero);

    /// <summary>The fault the next call meets, if any; draws from <paramref name="random"/> only while a rate is armed.</summary>
    public ChainErrorKind? Next(Random random)
    {
        if (_failNext > 0)
        {
            _failNext--;
            return _failNextKind;
        }

        return _failureRate > 0 && random.NextDouble() < _failureRate ? _failureRateKind : null;
    }
}
