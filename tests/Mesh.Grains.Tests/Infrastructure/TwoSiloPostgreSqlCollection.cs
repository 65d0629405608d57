namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>The test classes that share one <see cref="TwoSiloPostgreSqlFixture"/>; each uses grains of its own.</summary>
[CollectionDefinition(Name)]
public sealed class TwoSiloPostgreSqlCollection : ICollectionFixture<TwoSiloPostgreSqlFixture>
{
    public const string Name = "two silos on PostgreSQL";
}
