using Mesh.Runtime;

namespace Mesh.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment(int by);

    [ReadOnly]
    Task<int> Get();

    Task<int> ActivationCount();
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private static int _activations;
    private int _value;
    private int _inTurn;

    public static int Activations => Volatile.Read(ref _activations);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _activations);
        return Task.CompletedTask;
    }

    public Task<int> Increment(int by)
    {
        // A racy read-modify-write: only exact if turns never overlap.
        if (Interlocked.Exchange(ref _inTurn, 1) == 1)
        {
            throw new InvalidOperationException("Two turns overlapped in a non-reentrant grain.");
        }

        var value = _value;
        Thread.SpinWait(10);
        _value = value + by;
        Volatile.Write(ref _inTurn, 0);
        return Task.FromResult(_value);
    }

    public Task<int> Get() => Task.FromResult(_value);

    public Task<int> ActivationCount() => Task.FromResult(Activations);
}
