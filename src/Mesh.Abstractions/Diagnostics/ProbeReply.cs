namespace Mesh.Diagnostics;

/// <summary>What a probe grain answered.</summary>
/// <param name="Key">The probe grain's key.</param>
/// <param name="Silo">The address of the silo that hosts the activation.</param>
/// <param name="AnsweredAt">The silo's clock when it answered.</param>
[GenerateSerializer]
[Alias("mesh.probe.reply")]
public sealed record ProbeReply(
    [property: Id(0)] long Key,
    [property: Id(1)] string Silo,
    [property: Id(2)] DateTimeOffset AnsweredAt);
