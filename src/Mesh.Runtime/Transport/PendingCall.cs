namespace Mesh.Runtime.Transport;

/// <summary>A call sent on a stream, waiting for its response frame.</summary>
internal sealed class PendingCall(ReadOnlyMemory<byte> request)
{
    private const int Queued = 0;
    private const int Written = 1;
    private const int Abandoned = 2;
    private readonly TaskCompletionSource<byte[]> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public ReadOnlyMemory<byte> Request { get; } = request;

    public Task<byte[]> Response => _response.Task;

    /// <summary>Claims the call for writing; false if it was abandoned first (then it must not be sent).</summary>
    public bool TryMarkWritten() => Interlocked.CompareExchange(ref _state, Written, Queued) == Queued;

    /// <summary>Claims the call as never sent; false if it was (or is being) written, so it may have run.</summary>
    public bool TryAbandonUnsent() => Interlocked.CompareExchange(ref _state, Abandoned, Queued) == Queued;

    public void Complete(byte[] response) => _response.TrySetResult(response);

    public void Fail(Exception exception) => _response.TrySetException(exception);
}
