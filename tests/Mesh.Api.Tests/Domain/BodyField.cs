namespace Mesh.Api.Tests.Domain;

/// <summary>One field of a valid body, as a JSON literal, with a literal of the wrong JSON type and the codes those and null get (a null <c>NullCode</c>: null is a valid value).</summary>
public sealed record BodyField(string Name, string Valid, string WrongType, bool Required = true, string WrongTypeCode = Mesh.Api.Problems.ApiErrorCodes.InvalidField, string? NullCode = Mesh.Api.Problems.ApiErrorCodes.InvalidField);
