using System.Numerics;
using Mesh.Chains.Clients;
using Nethereum.ABI;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace Mesh.Chains.Evm.Abi;

/// <summary>The ABI of the mesh contracts that the client calls: function selectors, call data, the Movement event.</summary>
internal static class VaultAbi
{
    public const string MovementSignature = "Movement(bytes32,bytes32,address,uint8,address,uint256,address,address)";

    public static readonly string MovementTopic = Sha3Keccack.Current.CalculateHash(MovementSignature).EnsureHexPrefix();

    private static readonly ABIEncode Encoder = new();

    public static string FunctionName(OperationKind kind) => kind switch
    {
        OperationKind.Deposit => "deposit",
        OperationKind.Withdraw => "withdraw",
        OperationKind.Lock => "lock",
        OperationKind.Release => "release",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown operation kind."),
    };

    /// <summary>The call data of <c>deposit|withdraw|lock|release(bytes32 operationId, bytes32 protocol, address token, address account, uint256 amount)</c>.</summary>
    public static string Movement(OperationKind kind, OperationId id, Bytes32 protocol, string token, string account, UInt128 amount) =>
        Call(
            $"{FunctionName(kind)}(bytes32,bytes32,address,address,uint256)",
            new ABIValue("bytes32", id.Value.ToArray()),
            new ABIValue("bytes32", protocol.ToArray()),
            new ABIValue("address", token),
            new ABIValue("address", account),
            new ABIValue("uint256", (BigInteger)amount));

    public static string BalanceOf(string account) =>
        Call("balanceOf(address)", new ABIValue("address", account));

    public static string ProtocolBalance(Bytes32 protocol, string token) =>
        Call("protocolBalance(bytes32,address)", new ABIValue("bytes32", protocol.ToArray()), new ABIValue("address", token));

    public static string Bridge() => Call("bridge()");

    public static string Call(string signature, params ABIValue[] arguments)
    {
        var selector = Selector(signature);
        var encoded = arguments.Length == 0 ? [] : Encoder.GetABIEncoded(arguments);
        return (selector.ToHex() + encoded.ToHex()).EnsureHexPrefix();
    }

    public static byte[] Selector(string signature) => Sha3Keccack.Current.CalculateHash(System.Text.Encoding.ASCII.GetBytes(signature))[..4];

    /// <summary>Encodes constructor arguments for a deployment (appended to the creation bytecode).</summary>
    public static string Arguments(params ABIValue[] arguments) => arguments.Length == 0 ? string.Empty : Encoder.GetABIEncoded(arguments).ToHex();

    /// <summary>Reads a 32-byte ABI word as an unsigned integer.</summary>
    public static BigInteger Word(ReadOnlySpan<byte> data, int index) =>
        new(data.Slice(index * 32, 32), isUnsigned: true, isBigEndian: true);

    /// <summary>Reads a 32-byte ABI word as an address.</summary>
    public static string AddressWord(ReadOnlySpan<byte> data, int index) =>
        data.Slice((index * 32) + 12, 20).ToArray().ToHex(prefix: true);

    public static UInt128 Amount(BigInteger value) =>
        value >= BigInteger.Zero && value <= (BigInteger)UInt128.MaxValue
            ? (UInt128)value
            : throw new OverflowException($"The amount {value} does not fit in 128 bits.");
}
