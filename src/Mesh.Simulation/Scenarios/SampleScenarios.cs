namespace Mesh.Simulation.Scenarios;

/// <summary>Real price paths shipped with the library (embedded resources; sources in <c>Scenarios/Data/README.md</c>).</summary>
public static class SampleScenarios
{
    /// <summary>ETH/USDT hourly through the FTX collapse, 2022-11-07 to 2022-11-11 UTC.</summary>
    public const string EthUsdtFtx2022Name = "eth-usdt-2022-11-ftx-1h";

    private const string Source = "ETH/USDT hourly closes, github.com/vdaksh2003/Zelta_Trading ETHUSDT_1h.csv at ebb3c43e103f9f0e9dd0788a46af1f7b15f19f94";

    /// <summary>Gets the names of the shipped samples.</summary>
    public static IReadOnlyList<string> Names { get; } = [EthUsdtFtx2022Name];

    /// <summary>ETH/USDT through the FTX collapse: 97 hourly prices, −31% from the high to the low.</summary>
    /// <returns>The scenario (depth multiplier 1 throughout).</returns>
    public static Scenario EthUsdtFtx2022() => Load(EthUsdtFtx2022Name);

    /// <summary>Loads a shipped sample by name.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentException">No sample has the name.</exception>
    public static Scenario Load(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var stream = typeof(SampleScenarios).Assembly.GetManifestResourceStream($"Mesh.Simulation.Scenarios.{name}.csv")
            ?? throw new ArgumentException($"No sample scenario is named '{name}' (there are: {string.Join(", ", Names)}).", nameof(name));
        using var reader = new StreamReader(stream);
        return ScenarioLoader.FromCsv(reader, name, name == EthUsdtFtx2022Name ? Source : name);
    }
}
