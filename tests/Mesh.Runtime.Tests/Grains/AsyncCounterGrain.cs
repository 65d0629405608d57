using Mesh.Runtime;

namespace Mesh.Runtime.Tests.Grains;

/// <summary>A counter whose increment awaits between read and write, so any interleaving would lose updates.</summary>
public interface IAsyncCounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<List<int>> Sequence();

    Task Record(int value);
}

public sealed class AsyncCounterGrain : Grain, IAsyncCounterGrain
{
    private readonly List<int> _sequence = [];
    private int _value;

    public async Task<int> Increment()
    {
        var value = _value;
        await Task.Yield();
        _value = value + 1;
        return _value;
    }

    public Task<List<int>> Sequence() => Task.FromResult(_sequence.ToList());

    public async Task Record(int value)
    {
        await Task.Yield();
        _sequence.Add(value);
    }
}
