namespace Mesh.Storage.Tests.Infrastructure;

/// <summary>The test classes that share <see cref="StorageSilos"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class StorageSilosCollection : ICollectionFixture<StorageSilos>
{
    public const string Name = "storage silos";
}
