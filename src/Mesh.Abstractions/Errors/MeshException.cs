namespace Mesh.Errors;

/// <summary>
/// A domain failure with a stable, machine-readable <see cref="Code"/> (for example <c>pool.utilization_cap</c>). It
/// crosses grain calls and silos intact, and the API turns it into an RFC 9457 problem with that code.
/// </summary>
[GenerateSerializer]
[Alias("mesh.error")]
public sealed class MeshException : Exception
{
    /// <summary>Creates a domain failure.</summary>
    /// <param name="kind">What kind of failure it is.</param>
    /// <param name="code">The stable code, dotted lower case.</param>
    /// <param name="message">A sentence for a person, naming what is wrong.</param>
    /// <param name="field">The input field at fault, as a JSON path (<c>amount</c>, <c>exposures[2].strike</c>), if any.</param>
    public MeshException(MeshErrorKind kind, string code, string message, string? field = null)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Kind = kind;
        Code = code;
        Field = field;
    }

    /// <summary>What kind of failure it is.</summary>
    [Id(0)]
    public MeshErrorKind Kind { get; }

    /// <summary>The stable code, dotted lower case.</summary>
    [Id(1)]
    public string Code { get; }

    /// <summary>The input field at fault, if any.</summary>
    [Id(2)]
    public string? Field { get; }

    /// <summary>A validation failure naming the field.</summary>
    /// <param name="field">The field at fault.</param>
    /// <param name="code">The stable code.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The exception, for <c>throw</c>.</returns>
    public static MeshException Invalid(string field, string code, string message) =>
        new(MeshErrorKind.Validation, code, message, field);
}
