using Mesh.Protocols;

namespace Mesh.Grains.Protocols;

/// <summary>A protocol's persisted membership (plain data; stored as JSON without type names).</summary>
public sealed class ProtocolState
{
    /// <summary>Gets or sets the display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the chains it holds vaults on.</summary>
    public List<string> Chains { get; set; } = [];

    /// <summary>Gets or sets the operator contact.</summary>
    public string Contact { get; set; } = "";

    /// <summary>Gets or sets its account address (lower case).</summary>
    public string Account { get; set; } = "";

    /// <summary>Gets or sets the tier it asked for.</summary>
    public RiskTier RequestedTier { get; set; }

    /// <summary>Gets or sets the tier granted.</summary>
    public RiskTier? Tier { get; set; }

    /// <summary>Gets or sets the status.</summary>
    public ProtocolStatus Status { get; set; }

    /// <summary>Gets or sets why it is in that status.</summary>
    public string? StatusReason { get; set; }

    /// <summary>Gets or sets when it asked to join.</summary>
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Gets or sets when its status last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
