namespace Mesh.Chains.Configuration;

/// <summary>
/// The addresses of the mesh contracts on one chain, each <c>0x</c> and 40 lower-case hex digits
/// (the loader lower-cases mixed-case input; it does not verify EIP-55 checksums).
/// </summary>
/// <param name="Vault">The collateral vault contract that holds deposits.</param>
/// <param name="Bridge">The bridge contract that locks collateral on the source chain and releases it on the destination.</param>
public sealed record MeshContracts(string Vault, string Bridge);
