using System.Numerics;
using System.Text;
using System.Text.Json;
using Mesh.Storage.Tests.Infrastructure;
using Mesh.Storage.Tests.Persistence.Moved;
using JsonGrainStorageSerializer = Mesh.Storage.Persistence.JsonGrainStorageSerializer;

namespace Mesh.Storage.Tests.Persistence;

[Collection(StorageSilosCollection.Name)]
public sealed class JsonGrainStorageSerializerTests(StorageSilos silos)
{
    private static readonly BigInteger Huge = BigInteger.Pow(2, 200) + 1;

    public static TheoryData<StorageProvider> Providers => StorageSilos.Providers;

    [Fact]
    public void Serialize_State_WritesPlainJsonWithoutTypeNames()
    {
        var sut = new JsonGrainStorageSerializer();

        var json = sut.Serialize(new VaultState { Owner = "aave", Balance = 3, Chains = ["a"] }).ToString();

        Assert.Equal("""{"owner":"aave","balance":3,"chains":["a"]}""", json);
    }

    [Fact]
    public void Deserialize_RenamedAndMovedTypeWithAFieldAddedAndOneRemoved_ReadsTheKnownFields()
    {
        var sut = new JsonGrainStorageSerializer();
        var stored = sut.Serialize(new VaultState { Owner = "aave", Balance = 3, Chains = ["a"] });

        var read = sut.Deserialize<TreasuryState>(stored)!;

        Assert.Equal(("aave", 3L, 3), (read.Owner, read.Balance, read.Tier));
    }

    [Fact]
    public void Deserialize_PascalCaseAndUnknownProperties_AreTolerated()
    {
        var sut = new JsonGrainStorageSerializer();

        var read = sut.Deserialize<VaultState>(new BinaryData("""{"Owner":"x","BALANCE":"5","extra":{"nested":[1]}}"""u8.ToArray()))!;

        Assert.Equal(("x", 5L), (read.Owner, read.Balance));
    }

    [Fact]
    public void Serialize_BigIntegerUInt128NaNAndEnum_RoundTripExactly()
    {
        var sut = new JsonGrainStorageSerializer();
        var amounts = new Amounts { Big = -Huge, Units = UInt128.MaxValue, Ratio = 0.1, Undefined = double.NaN, Day = DayOfWeek.Friday };

        var json = sut.Serialize(amounts);
        var read = sut.Deserialize<Amounts>(json)!;

        Assert.Contains("\"big\":-" + Huge, json.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"day\":\"friday\"", json.ToString(), StringComparison.Ordinal);
        Assert.Equal((-Huge, UInt128.MaxValue, 0.1, DayOfWeek.Friday), (read.Big, read.Units, read.Ratio, read.Day));
        Assert.True(double.IsNaN(read.Undefined));
    }

    [Fact]
    public void Deserialize_EnumStoredAsNumberOrBigIntegerAsString_Reads()
    {
        var sut = new JsonGrainStorageSerializer();

        var read = sut.Deserialize<Amounts>(new BinaryData(Encoding.UTF8.GetBytes($$"""{"day":5,"big":"{{Huge}}"}""")))!;

        Assert.Equal((DayOfWeek.Friday, Huge), (read.Day, read.Big));
    }

    [Fact]
    public void Serialize_InjectedOptions_AreUsed()
    {
        var options = JsonGrainStorageSerializer.CreateDefaultOptions();
        options.PropertyNamingPolicy = null;
        var sut = new JsonGrainStorageSerializer(options);

        var json = sut.Serialize(new VaultState { Owner = "aave" }).ToString();

        Assert.StartsWith("""{"Owner":"aave",""", json, StringComparison.Ordinal);
        Assert.True(options.IsReadOnly);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReadStateAsync_StoredRowOfARenamedAndMovedStateType_Reads(StorageProvider provider)
    {
        var storage = silos.Storage(provider);
        var grain = States.NewGrainId();
        await storage.WriteStateAsync("vault", grain, States.With(new VaultState { Owner = "aave", Balance = 9, Chains = ["a"] }, eTag: null));

        var read = States.Empty<TreasuryState>();
        await storage.ReadStateAsync("vault", grain, read);

        Assert.Equal(("aave", 9L, 3, "1"), (read.State!.Owner, read.State.Balance, read.State.Tier, read.ETag));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_ExactAmounts_SurviveTheDatabase(StorageProvider provider)
    {
        var storage = silos.Storage(provider);
        var grain = States.NewGrainId();
        var amounts = new Amounts { Big = Huge, Units = UInt128.MaxValue, Ratio = 1.0 / 3, Undefined = double.PositiveInfinity, Day = DayOfWeek.Monday };
        await storage.WriteStateAsync("amounts", grain, States.With(amounts, eTag: null));

        var read = States.Empty<Amounts>();
        await storage.ReadStateAsync("amounts", grain, read);

        Assert.Equal((Huge, UInt128.MaxValue, 1.0 / 3, double.PositiveInfinity, DayOfWeek.Monday), (read.State!.Big, read.State.Units, read.State.Ratio, read.State.Undefined, read.State.Day));
    }

    [Fact]
    public void Deserialize_NotJson_Throws()
    {
        var sut = new JsonGrainStorageSerializer();

        Assert.ThrowsAny<JsonException>(() => sut.Deserialize<VaultState>(new BinaryData("not json"u8.ToArray())));
    }
}
