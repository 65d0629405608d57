using Mesh.Chains.Evm;
using Mesh.Silo.Hosting;

namespace Mesh.Silo.Chains;

/// <summary>
/// Reads the mesh signer's key from <c>Mesh:Evm:SigningKey</c>, <c>Mesh:Evm:SigningKeyFile</c> or the environment
/// variable <c>Mesh:Evm:SigningKeyVariable</c> names. A missing or malformed key, and one of Hardhat's well-known test
/// keys outside dev mode, stop start-up with a message that names the setting and never contains the key.
/// </summary>
internal static class SigningKeyLoader
{
    private const UnixFileMode OthersMayRead = UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <exception cref="SiloConfigurationException">No key, two keys, a malformed key or a development key outside dev mode.</exception>
    public static SigningKeySource Load(MeshEvmOptions evm, bool dev, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(evm);
        var hasKey = !string.IsNullOrWhiteSpace(evm.SigningKey);
        var hasFile = !string.IsNullOrWhiteSpace(evm.SigningKeyFile);
        if (hasKey && hasFile)
        {
            throw new SiloConfigurationException("Mesh:Evm:SigningKey and Mesh:Evm:SigningKeyFile: both are set; set one of them.");
        }

        var warnings = new List<string>();
        var (key, source) = hasKey ? (Parse(evm.SigningKey!, "Mesh:Evm:SigningKey"), "Mesh:Evm:SigningKey")
            : hasFile ? FromFile(Path.GetFullPath(evm.SigningKeyFile!), warnings)
            : environment(evm.SigningKeyVariable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
                ? (Parse(value, $"the environment variable {evm.SigningKeyVariable} (Mesh:Evm:SigningKeyVariable)"), $"the environment variable {evm.SigningKeyVariable}")
            : dev ? (EvmDevelopmentKeys.HardhatAccount(0), "Hardhat's well-known account #0 (Mesh:Chains:Dev, no key configured)")
            : throw new SiloConfigurationException(
                $"Mesh:Evm:SigningKey: no signing key for the mesh's signer. Mesh:Chains:Mode is Evm: set Mesh:Evm:SigningKeyFile (a file holding the key), "
                + $"Mesh:Evm:SigningKey or the environment variable {evm.SigningKeyVariable}; for local chains with Hardhat's test accounts, set Mesh:Chains:Dev=true.");
        if (key.IsDevelopmentKey && !dev)
        {
            throw new SiloConfigurationException(
                $"{source}: the key of {key.Address} is one of Hardhat's well-known test accounts, which anyone can spend from; it is refused unless Mesh:Chains:Dev is true.");
        }

        return new SigningKeySource(key, source, warnings);
    }

    private static EvmSigningKey Parse(string text, string setting)
    {
        try
        {
            return EvmSigningKey.FromHex(text);
        }
        catch (FormatException exception)
        {
            // The parser's message describes the text (its length, non-hex characters) without repeating it.
            throw new SiloConfigurationException($"{setting}: is not a signing key: {exception.Message}");
        }
    }

    private static (EvmSigningKey Key, string Source) FromFile(string path, List<string> warnings)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SiloConfigurationException($"Mesh:Evm:SigningKeyFile: the key file {path} does not exist.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SiloConfigurationException($"Mesh:Evm:SigningKeyFile: the key file {path} cannot be read ({exception.Message.TrimEnd('.')}).");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersMayRead) != 0)
        {
            warnings.Add($"Mesh:Evm:SigningKeyFile: the key file {path} can be read or written by other users; restrict it with chmod 600.");
        }

        return (Parse(text, $"Mesh:Evm:SigningKeyFile: the key file {path}"), $"Mesh:Evm:SigningKeyFile ({path})");
    }
}
