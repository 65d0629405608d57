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
}

public sealed class PingPongGrain : Grain, IPingPongGrain
{
    public Task<string> PingVia(string other) => GrainFactory.GetGrain<IPingPongGrain>(other).PongBack(GrainKey);

    public Task<string> PongBack(string caller) => GrainFactory.GetGrain<IPingPongGrain>(caller).Echo("pong from " + GrainKey);

    public Task<string> Echo(string text) => Task.FromResult(text);

    public Task<string> EchoInterleaved(string text) => Task.FromResult(text);

    public Task<string> PingViaInterleaved(string other) => GrainFactory.GetGrain<IPingPongGrain>(other).PongBackInterleaved(GrainKey);

    public Task<string> PongBackInterleaved(string caller) => GrainFactory.GetGrain<IPingPongGrain>(caller).EchoInterleaved("pong from " + GrainKey);
}
