namespace Mesh.Cli.Tests.Infrastructure;

/// <summary>The CLI tests that share one silo process (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class CliSiloCollection : ICollectionFixture<CliSilo>
{
    public const string Name = "cli silo";
}
