namespace Mesh.Silo.Tests.Cluster;

/// <summary>One answer of an activation probe: when the call was sent and its answer arrived (test clock), and the activation's own times (its silo's clock).</summary>
/// <param name="Key">The probe grain's key.</param>
/// <param name="ActivationId">The answering activation.</param>
/// <param name="Silo">Its silo.</param>
/// <param name="Sent">When the call was sent.</param>
/// <param name="Received">When the answer arrived.</param>
/// <param name="ActivatedAt">When the activation was created.</param>
/// <param name="AnsweredAt">When it answered.</param>
internal sealed record ActivationAnswer(string Key, Guid ActivationId, string Silo, TimeSpan Sent, TimeSpan Received, DateTimeOffset ActivatedAt, DateTimeOffset AnsweredAt);
