using Mesh.Runtime;

namespace Mesh.Runtime.Tests.Grains;

/// <summary>Methods that hold their turn until released, to observe which turns may overlap.</summary>
public interface IInterleavingGrain : IGrainWithStringKey
{
    Task Hold(string gate);

    [ReadOnly]
    Task ReadHold(string gate);

    [AlwaysInterleave]
    Task<int> Peek();

    [ReadOnly]
    Task<int> MaxConcurrency();

    Task<int> Running();
}

public sealed class InterleavingGrain(GateRegistry gates) : Grain, IInterleavingGrain
{
    private int _running;
    private int _max;
    private int _threadsInside;

    public Task Hold(string gate) => Enter(gate);

    public Task ReadHold(string gate) => Enter(gate);

    public Task<int> Peek() => Task.FromResult(_running);

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    public Task<int> Running() => Task.FromResult(_running);

    private async Task Enter(string gate)
    {
        CheckSingleThread();
        _running++;
        _max = Math.Max(_max, _running);
        gates.Entered(gate);
        await gates.WaitAsync(gate);
        CheckSingleThread();
        _running--;
    }

    private void CheckSingleThread()
    {
        if (Interlocked.Increment(ref _threadsInside) != 1)
        {
            throw new InvalidOperationException("Two threads ran grain code at once.");
        }

        Thread.SpinWait(50);
        Interlocked.Decrement(ref _threadsInside);
    }
}

[Reentrant]
public sealed class ReentrantGrain(GateRegistry gates) : Grain, IReentrantGrain
{
    private int _running;
    private int _max;

    public async Task Hold(string gate)
    {
        _running++;
        _max = Math.Max(_max, _running);
        gates.Entered(gate);
        await gates.WaitAsync(gate);
        _running--;
    }

    public Task<int> MaxConcurrency() => Task.FromResult(_max);
}

public interface IReentrantGrain : IGrainWithStringKey
{
    Task Hold(string gate);

    Task<int> MaxConcurrency();
}
