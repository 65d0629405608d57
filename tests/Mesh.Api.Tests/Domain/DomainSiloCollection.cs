namespace Mesh.Api.Tests.Domain;

[CollectionDefinition(Name)]
public sealed class DomainSiloCollection : ICollectionFixture<DomainSilo>
{
    public const string Name = "domain api silo";
}
