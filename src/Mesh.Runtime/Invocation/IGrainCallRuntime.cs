namespace Mesh.Runtime.Invocation;

/// <summary>Delivers a call from a grain reference to the grain's activation, local or remote.</summary>
public interface IGrainCallRuntime
{
    /// <summary>Delivers <paramref name="request"/> to the grain <paramref name="target"/> refers to.</summary>
    ValueTask<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request);
}
