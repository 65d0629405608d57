using Mesh.Runtime.Invocation;

namespace Mesh.Runtime;

/// <summary>Base class of the generated grain proxies: a grain id plus the runtime that delivers its calls.</summary>
public abstract class GrainReference : IEquatable<GrainReference>
{
    private readonly IGrainCallRuntime _runtime;
    private int _partition = -1;

    /// <summary>Initializes a new instance of the <see cref="GrainReference"/> class.</summary>
    protected GrainReference(IGrainCallRuntime runtime, GrainId grainId)
    {
        _runtime = runtime;
        GrainId = grainId;
    }

    /// <summary>Gets the id of the grain this reference points to.</summary>
    public GrainId GrainId { get; }

    /// <summary>Gets or sets the last local activation this reference resolved to (a cache the runtime validates).</summary>
    internal object? CachedTarget { get; set; }

    /// <summary>Gets the partition the grain id hashes to, computed once per reference.</summary>
    internal int PartitionOf(int partitionCount)
    {
        if (_partition < 0)
        {
            _partition = (int)(GrainId.StableHash() % (ulong)partitionCount);
        }

        return _partition;
    }

    /// <inheritdoc />
    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => GrainId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => GrainId.ToString();

    /// <summary>Delivers a call with a result.</summary>
    protected ValueTask<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request) => _runtime.InvokeAsync(this, request);

    /// <summary>Delivers a call without a result.</summary>
    protected ValueTask InvokeVoidAsync(GrainRequest<VoidResult> request)
    {
        var pending = _runtime.InvokeAsync(this, request);
        if (pending.IsCompletedSuccessfully)
        {
            return default;
        }

        return new ValueTask(pending.AsTask());
    }
}
