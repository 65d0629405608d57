using System.Security.Cryptography;
using Mesh.Chains.Evm;
using Mesh.Chains.Evm.Local;

namespace Mesh.Silo.Tests.Evm;

/// <summary>A fresh random signing key (not a well-known one), its key file, and funding on local nodes.</summary>
internal sealed record TestSigner(string Hex, EvmSigningKey Key, string KeyFile)
{
    public static TestSigner Create(string folder)
    {
        var hex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var path = Path.Combine(folder, "signer.key");
        File.WriteAllText(path, hex + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new TestSigner(hex, EvmSigningKey.FromHex(hex), path);
    }

    /// <summary>Gives the signer 1,000 ETH on each node (hardhat_setBalance), to pay for deployments and operations.</summary>
    public async Task FundAsync(IEnumerable<Uri> nodes)
    {
        using var probe = new EvmNodeProbe(TimeSpan.FromSeconds(5));
        foreach (var node in nodes)
        {
            await probe.CallAsync(node, "hardhat_setBalance", [Key.Address, "0x3635c9adc5dea00000"]);
        }
    }
}
