using Orleans.Runtime;

namespace Mesh.Storage.Tests.Infrastructure;

/// <summary>Grain ids and state containers for driving <see cref="Orleans.Storage.IGrainStorage"/> directly.</summary>
public static class States
{
    private static int _next;

    /// <summary>A grain id no other test uses.</summary>
    public static GrainId NewGrainId(string type = "vault") => GrainId.Create(type, $"g{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}"[..20]);

    public static GrainState<T> Empty<T>()
        where T : new() => new() { State = new T() };

    public static GrainState<T> With<T>(T state, string? eTag) => new() { State = state, ETag = eTag, RecordExists = eTag is not null };
}
