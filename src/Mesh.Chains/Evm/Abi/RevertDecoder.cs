using System.Globalization;
using Mesh.Chains.Clients;
using Nethereum.ABI;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Mesh.Chains.Evm.Abi;

/// <summary>Turns the revert data of a mesh contract call (a custom error or <c>Error(string)</c>) into a stable code and a sentence.</summary>
internal static class RevertDecoder
{
    private static readonly Dictionary<string, (string Code, Func<byte[], string> Describe)> Errors = new(StringComparer.Ordinal)
    {
        [Key("OperationAlreadyUsed(bytes32)")] = (ChainErrorCodes.OperationConflict, a => $"The vault has already used operation id {Bytes(a, 0)}."),
        [Key("ZeroAmount()")] = (ChainErrorCodes.InvalidOperation, _ => "The vault refuses a movement of zero tokens."),
        [Key("ZeroAddress()")] = (ChainErrorCodes.InvalidOperation, _ => "The vault refuses the zero address."),
        [Key("InsufficientVaultBalance(bytes32,address,uint256,uint256)")] = (ChainErrorCodes.InsufficientVaultBalance,
            a => $"The protocol {Bytes(a, 0)} has {Number(a, 2)} of token {VaultAbi.AddressWord(a, 1)} in the vault; the movement takes {Number(a, 3)}."),
        [Key("InsufficientBridgeLiquidity(address,uint256,uint256)")] = (ChainErrorCodes.InsufficientBridgeLiquidity,
            a => $"The bridge escrow holds {Number(a, 1)} of token {VaultAbi.AddressWord(a, 0)}; the release pays {Number(a, 2)}."),
        [Key("ERC20InsufficientBalance(address,uint256,uint256)")] = (ChainErrorCodes.InsufficientBalance,
            a => $"{VaultAbi.AddressWord(a, 0)} holds {Number(a, 1)}; the transfer needs {Number(a, 2)}."),
        [Key("ERC20InsufficientAllowance(address,uint256,uint256)")] = (ChainErrorCodes.InsufficientAllowance,
            a => $"The vault {VaultAbi.AddressWord(a, 0)} is approved for {Number(a, 1)}; the deposit pulls {Number(a, 2)}."),
        [Key("AccessControlUnauthorizedAccount(address,bytes32)")] = (EvmErrorCodes.Reverted,
            a => $"{VaultAbi.AddressWord(a, 0)} lacks role {Bytes(a, 1)}."),
        [Key("Error(string)")] = (EvmErrorCodes.Reverted, a => "Reverted: " + new ABIEncode().DecodeEncodedString(a)),
    };

    public static (string Code, string Reason) Decode(string? revertData)
    {
        if (string.IsNullOrEmpty(revertData) || revertData.RemoveHexPrefix().Length < 8)
        {
            return (EvmErrorCodes.Reverted, "The transaction reverted without a reason.");
        }

        var bytes = revertData.HexToByteArray();
        var selector = bytes[..4].ToHex();
        if (!Errors.TryGetValue(selector, out var error))
        {
            return (EvmErrorCodes.Reverted, $"The transaction reverted with unknown error 0x{selector}.");
        }

        try
        {
            return (error.Code, error.Describe(bytes[4..]));
        }
        catch (ArgumentOutOfRangeException)
        {
            return (error.Code, $"The transaction reverted with a malformed error 0x{selector}.");
        }
    }

    private static string Key(string signature) => VaultAbi.Selector(signature).ToHex();

    private static string Bytes(byte[] args, int index) => args.AsSpan(index * 32, 32).ToArray().ToHex(prefix: true);

    private static string Number(byte[] args, int index) => VaultAbi.Word(args, index).ToString(CultureInfo.InvariantCulture);
}
