using Mesh.Grains.Oracles;
using static Mesh.Grains.Tests.Oracles.OracleTestData;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>Start-up validation names the setting at fault.</summary>
public sealed class OracleOptionsTests
{
    [Theory]
    [InlineData(nameof(OracleOptions.MinSources))]
    [InlineData(nameof(OracleOptions.OutlierMadMultiple))]
    [InlineData(nameof(OracleOptions.BreakerThreshold))]
    [InlineData(nameof(OracleOptions.EwmaLambda))]
    [InlineData(nameof(OracleOptions.MinReturnsForGarch))]
    [InlineData(nameof(OracleOptions.RegimeHorizon))]
    [InlineData(nameof(OracleOptions.Decimals))]
    [InlineData(nameof(OracleSourceOptions.Heartbeat))]
    [InlineData(nameof(OracleOptions.Sources))]
    public void Validate_SettingOutOfRange_ThrowsNamingIt(string setting)
    {
        var sut = Options(3);
        switch (setting)
        {
            case nameof(OracleOptions.MinSources): sut.MinSources = 4; break;
            case nameof(OracleOptions.OutlierMadMultiple): sut.OutlierMadMultiple = 0.5; break;
            case nameof(OracleOptions.BreakerThreshold): sut.BreakerThreshold = 0; break;
            case nameof(OracleOptions.EwmaLambda): sut.EwmaLambda = 1; break;
            case nameof(OracleOptions.MinReturnsForGarch): sut.MinReturnsForGarch = 29; break;
            case nameof(OracleOptions.RegimeHorizon): sut.RegimeHorizon = TimeSpan.FromSeconds(1); break;
            case nameof(OracleOptions.Decimals): sut.Decimals = 19; break;
            case nameof(OracleSourceOptions.Heartbeat): sut.Sources[1].Heartbeat = TimeSpan.Zero; break;
            default: sut.Sources.Add(new OracleSourceOptions { Name = "s0" }); break;
        }

        var error = Assert.Throws<ArgumentException>(sut.Validate);

        Assert.Equal(setting, error.ParamName);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_WithSources_Passes() => Options(3).Validate();
}
