namespace Mesh.Grains.Diagnostics;

/// <summary>Registers <see cref="MeshSpanTagsFilter"/>.</summary>
public static class MeshSpanTagsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the <c>mesh.*</c> attributes to the spans of grain calls; call after <c>AddActivityPropagation</c>
    /// (incoming filters run in the order they were added, and the tags go on the span that filter starts).
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder AddMeshSpanTags(this ISiloBuilder builder) =>
        builder.AddIncomingGrainCallFilter<MeshSpanTagsFilter>();
}
