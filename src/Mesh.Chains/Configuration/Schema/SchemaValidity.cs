namespace Mesh.Chains.Configuration.Schema;

/// <summary>Tells which parts of a document passed the schema, so code checks run only on values of the right shape.</summary>
internal sealed class SchemaValidity
{
    private readonly string[] _failedPointers;

    public SchemaValidity(IEnumerable<SchemaViolation> violations)
    {
        _failedPointers = [.. violations.Select(v => v.InstancePointer).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether no value at or below <paramref name="pointer"/> failed the schema.</summary>
    /// <param name="pointer">A JSON Pointer, e.g. <c>/chains/1</c>.</param>
    public bool IsValid(string pointer) => !_failedPointers.Any(failed =>
        failed.StartsWith(pointer, StringComparison.Ordinal)
        && (failed.Length == pointer.Length || failed[pointer.Length] == '/'));
}
