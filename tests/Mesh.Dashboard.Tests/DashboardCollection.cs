namespace Mesh.Dashboard.Tests;

/// <summary>The dashboard tests share one silo and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardSilo>
{
    public const string Name = "dashboard";
}
