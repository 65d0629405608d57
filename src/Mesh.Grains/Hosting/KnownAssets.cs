using Mesh.Chains.Configuration;
using Mesh.Errors;

namespace Mesh.Grains.Hosting;

/// <summary>The one check that a grain keyed by an asset is keyed by an asset of this mesh.</summary>
internal static class KnownAssets
{
    internal static string Require(ChainsConfiguration chains, string asset) =>
        chains.Assets.Contains(asset, StringComparer.Ordinal)
            ? asset
            : throw new MeshException(MeshErrorKind.NotFound, "asset.unknown", $"'{asset}' is not an asset of this mesh ({string.Join(", ", chains.Assets)}).");
}
