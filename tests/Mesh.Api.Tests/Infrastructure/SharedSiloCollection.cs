namespace Mesh.Api.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SharedSiloCollection : ICollectionFixture<SharedSilo>
{
    public const string Name = "shared api silo";
}
