using Mesh.Runtime;

namespace Mesh.Runtime.Tests.Grains;

public sealed class InsufficientCollateralException(string message) : Exception(message)
{
}

public interface IFaultyGrain : IGrainWithStringKey
{
    Task Throw(string message);

    Task<int> ThrowAfterAwait(string message);

    Task Sleep(TimeSpan duration, CancellationToken cancellationToken);

    Task<bool> WaitForCancellation(CancellationToken cancellationToken);

    ValueTask<int> AddValue(int a, int b);

    ValueTask Nothing();
}

public sealed class FaultyGrain : Grain, IFaultyGrain
{
    public Task Throw(string message) => throw new InsufficientCollateralException(message);

    public async Task<int> ThrowAfterAwait(string message)
    {
        await Task.Yield();
        throw new ArgumentOutOfRangeException(nameof(message), message);
    }

    public Task Sleep(TimeSpan duration, CancellationToken cancellationToken) => Task.Delay(duration, TimeProvider, cancellationToken);

    public async Task<bool> WaitForCancellation(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public ValueTask<int> AddValue(int a, int b) => new(a + b);

    public ValueTask Nothing() => default;
}

public interface IBrokenActivationGrain : IGrainWithStringKey
{
    Task<string> Hello();
}

public sealed class BrokenActivationGrain : Grain, IBrokenActivationGrain
{
    private static int _attempts;

    public static int Attempts => Volatile.Read(ref _attempts);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _attempts) == 1)
        {
            throw new InvalidOperationException("oracle feed unavailable during activation");
        }

        return Task.CompletedTask;
    }

    public Task<string> Hello() => Task.FromResult("hello");
}
