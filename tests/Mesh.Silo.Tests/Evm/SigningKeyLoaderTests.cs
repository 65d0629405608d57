using Mesh.Chains.Evm;
using Mesh.Silo.Chains;
using Mesh.Silo.Hosting;

namespace Mesh.Silo.Tests.Evm;

/// <summary>Where the mesh signer's key comes from, and the keys start-up refuses.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SigningKeyLoaderTests : IDisposable
{
    // A key of no well-known account (the secp256k1 scalar 0x4c0883a6...: the Ethereum wiki's web3 example key).
    private const string Key = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private const string Address = "0x2c7536e3605d9c16a7a3d7b1898e529396a65c23";
    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-key-").FullName;

    [Fact]
    public void Load_NoKeyOutsideDevMode_RefusesNamingEverySource()
    {
        var exception = Assert.Throws<SiloConfigurationException>(() => SigningKeyLoader.Load(new MeshEvmOptions(), dev: false, NoEnvironment));

        Assert.StartsWith("Mesh:Evm:SigningKey: no signing key", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Mesh:Evm:SigningKeyFile", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MESH_EVM_SIGNING_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoKeyInDevMode_SignsWithHardhatAccountZero()
    {
        var sut = SigningKeyLoader.Load(new MeshEvmOptions(), dev: true, NoEnvironment);

        Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", sut.Key.Address);
        Assert.True(sut.Key.IsDevelopmentKey);
    }

    [Theory]
    [InlineData("0x" + Key, Address)]
    [InlineData(Key, Address)]
    [InlineData("  " + Key + "\n", Address)]
    public void Load_KeySetting_ReadsIt(string setting, string address)
    {
        var sut = SigningKeyLoader.Load(new MeshEvmOptions { SigningKey = setting }, dev: false, NoEnvironment);

        Assert.Equal(address, sut.Key.Address);
        Assert.Equal("Mesh:Evm:SigningKey", sut.Source);
        Assert.DoesNotContain(Key, sut.Key.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f3623")]
    [InlineData("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231z")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public void Load_MalformedKey_RefusesNamingTheSettingWithoutTheKey(string malformed)
    {
        var exception = Assert.Throws<SiloConfigurationException>(() => SigningKeyLoader.Load(new MeshEvmOptions { SigningKey = malformed }, dev: false, NoEnvironment));

        Assert.StartsWith("Mesh:Evm:SigningKey: is not a signing key", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(malformed, exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_HardhatKeyOutsideDevMode_RefusedNamingItsAddress()
    {
        var devKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

        var exception = Assert.Throws<SiloConfigurationException>(() => SigningKeyLoader.Load(new MeshEvmOptions { SigningKey = devKey }, dev: false, NoEnvironment));
        var inDev = SigningKeyLoader.Load(new MeshEvmOptions { SigningKey = devKey }, dev: true, NoEnvironment);

        Assert.Contains("Mesh:Evm:SigningKey: the key of 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 is one of Hardhat's well-known test accounts", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Mesh:Chains:Dev", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(devKey[2..], exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(EvmDevelopmentKeys.HardhatAccount(1).Address, inDev.Key.Address);
    }

    [Fact]
    public void Load_KeyFile_ReadsItAndWarnsWhenOthersCanReadIt()
    {
        var path = Path.Combine(_folder, "signer.key");
        File.WriteAllText(path, Key + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var restricted = SigningKeyLoader.Load(new MeshEvmOptions { SigningKeyFile = path }, dev: false, NoEnvironment);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var sut = SigningKeyLoader.Load(new MeshEvmOptions { SigningKeyFile = path }, dev: false, NoEnvironment);

        Assert.Equal(Address, sut.Key.Address);
        Assert.Empty(restricted.Warnings);
        Assert.Contains(sut.Warnings, w => w.Contains("chmod 600", StringComparison.Ordinal) && w.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingOrMalformedKeyFile_RefusesNamingTheSettingAndPath()
    {
        var missing = Path.Combine(_folder, "absent.key");
        var malformed = Path.Combine(_folder, "bad.key");
        File.WriteAllText(malformed, "not a key");

        var absent = Assert.Throws<SiloConfigurationException>(() => SigningKeyLoader.Load(new MeshEvmOptions { SigningKeyFile = missing }, dev: false, NoEnvironment));
        var bad = Assert.Throws<SiloConfigurationException>(() => SigningKeyLoader.Load(new MeshEvmOptions { SigningKeyFile = malformed }, dev: false, NoEnvironment));

        Assert.Equal($"Mesh:Evm:SigningKeyFile: the key file {missing} does not exist.", absent.Message);
        Assert.StartsWith($"Mesh:Evm:SigningKeyFile: the key file {malformed}: is not a signing key", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a key", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnvironmentVariable_ReadsItWhenNoSettingNamesAKey()
    {
        var environment = new Dictionary<string, string> { ["SIGNER"] = Key };

        var sut = SigningKeyLoader.Load(new MeshEvmOptions { SigningKeyVariable = "SIGNER" }, dev: false, n => environment.GetValueOrDefault(n));
        var malformed = Assert.Throws<SiloConfigurationException>(() => SigningKeyLoader.Load(new MeshEvmOptions(), dev: false, n => n == "MESH_EVM_SIGNING_KEY" ? "12" : null));

        Assert.Equal(Address, sut.Key.Address);
        Assert.Equal("the environment variable SIGNER", sut.Source);
        Assert.StartsWith("the environment variable MESH_EVM_SIGNING_KEY (Mesh:Evm:SigningKeyVariable): is not a signing key", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KeyAndKeyFileBothSet_Refused()
    {
        var exception = Assert.Throws<SiloConfigurationException>(() =>
            SigningKeyLoader.Load(new MeshEvmOptions { SigningKey = Key, SigningKeyFile = Path.Combine(_folder, "k") }, dev: false, NoEnvironment));

        Assert.Equal("Mesh:Evm:SigningKey and Mesh:Evm:SigningKeyFile: both are set; set one of them.", exception.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string? NoEnvironment(string name) => null;
}
