using Mesh.Chains.Configuration;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>The repository's own chains.json (copied beside the tests), loaded through the production loader.</summary>
internal static class TestChains
{
    private static readonly Lazy<ChainsConfiguration> Chains = new(() => ChainsConfigurationLoader.Load(Path.Combine(AppContext.BaseDirectory, "chains.json")));

    public static ChainsConfiguration Load() => Chains.Value;
}
