namespace Mesh.Silo.Tests.Deployment;

/// <summary>Tests that set process environment variables (what a pod sets) run alone, so that no other test sees them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
