using Mesh.Chains.Evm;

namespace Mesh.Silo.Chains;

/// <summary>The mesh signer's key and where it came from (a setting name, never the key).</summary>
/// <param name="Key">The key; its text form is the address.</param>
/// <param name="Source">Where it was read, e.g. <c>Mesh:Evm:SigningKeyFile (/etc/mesh/signer.key)</c>.</param>
/// <param name="Warnings">Things an operator should fix (a key file others can read), without the key.</param>
internal sealed record SigningKeySource(EvmSigningKey Key, string Source, IReadOnlyList<string> Warnings);
