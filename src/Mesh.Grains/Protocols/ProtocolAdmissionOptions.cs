using Mesh.Protocols;

namespace Mesh.Grains.Protocols;

/// <summary>How protocols are admitted (settings under <c>Mesh:Protocols</c>).</summary>
public sealed class ProtocolAdmissionOptions
{
    /// <summary>Gets or sets the highest requested tier approved without an operator; null sends every request to an operator.</summary>
    /// <value>The default is null: an operator approves every protocol.</value>
    public RiskTier? AutoApproveUpTo { get; set; }
}
