namespace Mesh.Runtime.Transport;

/// <summary>A call sent on a stream, waiting for its response frame.</summary>
internal sealed class PendingCall(ReadOnlyMemory<byte> request)
{
    private readonly TaskCompletionSource<byte[]> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _written;

    public ReadOnlyMemory<byte> Request { get; } = request;

    public Task<byte[]> Response => _response.Task;

    /// <summary>Gets a value indicating whether the request may have reached the other silo (so it may have run).</summary>
    public bool Written => _written;

    public void MarkWritten() => _written = true;

    public void Complete(byte[] response) => _response.TrySetResult(response);

    public void Fail(Exception exception) => _response.TrySetException(exception);
}
