namespace Mesh.Protocols;

/// <summary>
/// One partition of the list of every protocol that ever asked to join (key: the partition number, see
/// <see cref="ProtocolDirectory"/>), so that operators and the conservation audit can walk the mesh.
/// </summary>
[Alias("mesh.protocol-directory")]
public interface IProtocolDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a protocol id (idempotent).</summary>
    /// <param name="protocolId">The protocol.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    [Alias("mesh.protocol-directory.add")]
    Task Add(string protocolId, CancellationToken cancellationToken = default);

    /// <summary>The partition's ids after <paramref name="after"/>, in ordinal order.</summary>
    /// <param name="after">Start after this id; null from the first.</param>
    /// <param name="limit">At most this many; from 1 to 10,000.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids.</returns>
    [Alias("mesh.protocol-directory.list")]
    Task<IReadOnlyList<string>> List(string? after, int limit, CancellationToken cancellationToken = default);
}
