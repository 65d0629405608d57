using System.Globalization;
using Nethereum.Signer;

namespace Mesh.Chains.Evm;

/// <summary>
/// A secp256k1 signing key. Loaded from configuration, an environment variable or a key file; its text form is the
/// address only, so that the key never reaches a log.
/// </summary>
public sealed class EvmSigningKey
{
    private readonly EthECKey _key;

    static EvmSigningKey()
    {
        // Recoverable signing computes the recovery id while signing: about 12 times faster than searching for it.
        EthECKey.SignRecoverable = true;
    }

    private EvmSigningKey(EthECKey key, bool isDevelopmentKey)
    {
        _key = key;
        Address = key.GetPublicAddress().ToLowerInvariant();
        IsDevelopmentKey = isDevelopmentKey;
    }

    /// <summary>The account address, <c>0x</c> and 40 lower-case hex digits.</summary>
    public string Address { get; }

    /// <summary>Whether the key is one of the local nodes' well-known accounts (<see cref="EvmDevelopmentKeys"/>), to be refused outside dev mode.</summary>
    public bool IsDevelopmentKey { get; }

    /// <summary>Parses a private key: 64 hex digits, with or without <c>0x</c>.</summary>
    /// <param name="privateKeyHex">The key.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">When the text is not a valid key; the message does not contain it.</exception>
    public static EvmSigningKey FromHex(string privateKeyHex)
    {
        var text = privateKeyHex?.Trim() ?? string.Empty;
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (digits.Length != 64 || !digits.All(char.IsAsciiHexDigit))
        {
            throw new FormatException($"The signing key must be 64 hex digits (with or without 0x); got {digits.Length} characters{(digits.All(char.IsAsciiHexDigit) ? string.Empty : " with non-hex characters")}.");
        }

        var value = System.Numerics.BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var order = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (value.IsZero || value >= order)
        {
            throw new FormatException("The signing key is not a valid secp256k1 private key (zero or not below the curve order).");
        }

        return new EvmSigningKey(new EthECKey("0x" + digits), EvmDevelopmentKeys.IsWellKnown(digits));
    }

    /// <summary>Reads the key from an environment variable.</summary>
    /// <param name="variable">The variable name, e.g. <c>MESH_SIGNER_KEY</c>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="InvalidOperationException">When the variable is unset.</exception>
    /// <exception cref="FormatException">When its value is not a key.</exception>
    public static EvmSigningKey FromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"The environment variable {variable} that should hold the signing key is not set.")
            : FromHex(value);
    }

    /// <summary>Reads the key from a file holding its hex digits (surrounding white space is ignored).</summary>
    /// <param name="path">The key file.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="FormatException">When its content is not a key.</exception>
    public static EvmSigningKey FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return File.Exists(path)
            ? FromHex(File.ReadAllText(path))
            : throw new FileNotFoundException($"The signing key file '{path}' does not exist.", path);
    }

    /// <summary>The address; never the key.</summary>
    /// <returns>The address.</returns>
    public override string ToString() => Address;

    internal EthECKey Key => _key;
}
