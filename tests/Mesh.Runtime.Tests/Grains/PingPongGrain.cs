using Mesh.Runtime;

namespace Mesh.Runtime.Tests.Grains;

public interface IPingPongGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="other"/>, which calls back into this grain: a cycle.</summary>
    Task<string> PingVia(string other);

    Task<string> PongBack(string caller);

    Task<string> Echo(string text);

    [AlwaysInterleave]
    Task<string> EchoInterleaved(string text);

    Task<string> PongBackInterleaved(string caller);

    Task<string> PingViaInterleaved(string other);

    Task<string> PongBackTo(string activating);
}

/// <summary>Calls a peer from OnActivateAsync; the peer calls back into it while it is still activating.</summary>
public interface ICallbackOnActivateGrain : IGrainWithStringKey
{
    Task<string> Hello();
}

public sealed class CallbackOnActivateGrain : Grain, ICallbackOnActivateGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await GrainFactory.GetGrain<IPingPongGrain>("peer-of-" + GrainKey).PongBackTo(GrainKey);
    }

    public Task<string> Hello() => Task.FromResult("hello");
}

public sealed class PingPongGrain : Grain, IPingPongGrain
{
    public Task<string> PongBackTo(string activating) => GrainFactory.GetGrain<ICallbackOnActivateGrain>(activating).Hello();

    public Task<string> PingVia(string other) => GrainFactory.GetGrain<IPingPongGrain>(other).PongBack(GrainKey);

    public Task<string> PongBack(string caller) => GrainFactory.GetGrain<IPingPongGrain>(caller).Echo("pong from " + GrainKey);

    public Task<string> Echo(string text) => Task.FromResult(text);

    public Task<string> EchoInterleaved(string text) => Task.FromResult(text);

    public Task<string> PingViaInterleaved(string other) => GrainFactory.GetGrain<IPingPongGrain>(other).PongBackInterleaved(GrainKey);

    public Task<string> PongBackInterleaved(string caller) => GrainFactory.GetGrain<IPingPongGrain>(caller).EchoInterleaved("pong from " + GrainKey);
}
