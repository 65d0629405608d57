namespace Mesh.Api.Tests.Domain;

/// <summary>One endpoint of the authorization matrix: how to make a valid request, and what each caller gets.</summary>
/// <param name="Name">The row name.</param>
/// <param name="Method">The method.</param>
/// <param name="Prepare">Makes the request's path, body and, when the protocol in the path is a fresh one, the key that owns it.</param>
/// <param name="Rules">The outcome per caller.</param>
/// <param name="Idempotent">Whether the request needs an <c>Idempotency-Key</c> (a fresh one is sent).</param>
public sealed record MatrixEndpoint(string Name, HttpMethod Method, Func<DomainSilo, Caller, Task<MatrixTarget>> Prepare, IReadOnlyDictionary<Caller, AccessRule> Rules, bool Idempotent = false);
