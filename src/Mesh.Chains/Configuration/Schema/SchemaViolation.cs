namespace Mesh.Chains.Configuration.Schema;

/// <summary>One keyword of <c>chains.schema.json</c> that a document failed.</summary>
/// <param name="InstancePointer">The JSON Pointer of the failing value in the document, e.g. <c>/chains/0/confirmations</c>.</param>
/// <param name="SchemaPointer">The JSON Pointer, into the schema, of the subschema that holds the keyword.</param>
/// <param name="Keyword">The failing keyword, e.g. <c>minimum</c>; empty for the <c>false</c> schema.</param>
/// <param name="Detail">The validator's own message, used only when no better one can be given.</param>
internal sealed record SchemaViolation(string InstancePointer, string SchemaPointer, string Keyword, string Detail);
