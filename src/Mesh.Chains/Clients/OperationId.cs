using System.Text;

namespace Mesh.Chains.Clients;

/// <summary>
/// The 32-byte id of one chain operation. The vault contract refuses a second operation with an id it has seen, so a
/// submission can be retried after a crash without moving value twice. Derive it from the mesh's own durable id of
/// the intent (<see cref="FromName"/>), never from a random source at submission time.
/// </summary>
/// <param name="Value">The 32 bytes.</param>
public readonly record struct OperationId(Bytes32 Value)
{
    /// <summary>Parses <c>0x</c> followed by 64 hex digits.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException">When the text is not of that form.</exception>
    public static OperationId Parse(string text) => new(Bytes32.Parse(text));

    /// <summary>Derives an id from a stable name, e.g. <c>transfer/42/lock</c>: the SHA-256 of its UTF-8 bytes.</summary>
    /// <param name="name">The stable name of the intent; the same name always gives the same id.</param>
    /// <returns>The id.</returns>
    public static OperationId FromName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(Bytes32.Sha256(Encoding.UTF8.GetBytes(name)));
    }

    /// <summary>Formats the id as <c>0x</c> and 64 lower-case hex digits.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value.ToString();
}
