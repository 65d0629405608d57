namespace Mesh.Chains;

/// <summary>What the chain index holds for one protocol in one token, from the vault's movement events.</summary>
/// <param name="ProtocolId">The protocol.</param>
/// <param name="Asset">The token symbol.</param>
/// <param name="Final">The sum of final movements (deposits and releases in, withdrawals and locks out), in base units.</param>
/// <param name="TentativeIn">Deposits and releases in blocks that are not final yet; a reorganisation may remove them.</param>
/// <param name="TentativeOut">Withdrawals and locks in blocks that are not final yet.</param>
[GenerateSerializer]
[Alias("mesh.chain.indexed_line")]
public sealed record IndexedLine(
    [property: Id(0)] string ProtocolId,
    [property: Id(1)] string Asset,
    [property: Id(2)] UInt128 Final,
    [property: Id(3)] UInt128 TentativeIn,
    [property: Id(4)] UInt128 TentativeOut);
