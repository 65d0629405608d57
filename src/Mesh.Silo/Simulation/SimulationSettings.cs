namespace Mesh.Silo.Simulation;

/// <summary>What `simulate` runs: parsed from its command line and validated, each error naming the option.</summary>
/// <param name="Protocols">Protocols in the mesh (each with many vaults).</param>
/// <param name="Vaults">Vaults across the three chains.</param>
/// <param name="Seed">The seed: the same seed, scenario and settings give the same results.</param>
/// <param name="ScenarioPath">A CSV price path to replay; null for the built-in crash.</param>
/// <param name="Output">The folder the CSV and HTML reports go to.</param>
/// <param name="Policies">The policies to compare (names); the four of <see cref="SimulationPolicy.Default"/> by default.</param>
/// <param name="Quiet">No progress lines (for tests).</param>
/// <param name="ImpactBound">The adaptive coordinators' bound on the expected price impact of what is in flight, a fraction (<c>Mesh:Rebalancing:ImpactBound</c>), spot and perp alike.</param>
/// <param name="Spillover">Whether the adaptive coordinators weigh a round's spillover onto the rest of the mesh (<c>Mesh:Rebalancing:SpilloverGate</c>); <c>--no-spillover</c> turns it off.</param>
/// <param name="TopUps">Whether the mesh's policies let each protocol's books on a chain share collateral before they sell (<see cref="Mesh.Vaults.RebalanceSettings.TopUps"/>); <c>--no-top-ups</c> turns it off.</param>
/// <param name="BasisArbitrageBand">With a value, the simulated perp venue's basis arbitrage (<c>SimulatedPerpOptions.BasisArbitrageBand</c>): how far below spot the perp may sit before arbitrageurs carry its displacement into spot; null leaves it out.</param>
internal sealed record SimulationSettings(int Protocols, int Vaults, int Seed, string? ScenarioPath, string Output, IReadOnlyList<string> Policies, bool Quiet, double ImpactBound = SimulationSettings.DefaultImpactBound, double? BasisArbitrageBand = null, bool Spillover = true, bool TopUps = true)
{
    /// <summary>The widest <c>--basis-arbitrage</c> band taken (10% below spot).</summary>
    public const double MaxBasisArbitrageBand = 0.1;

    /// <summary>The impact bound a run uses unless <c>--impact-bound</c> says otherwise (the silo's own default).</summary>
    public const double DefaultImpactBound = 0.02;

    /// <summary>The largest <c>--impact-bound</c> taken: beyond half the price, the square-root law is far outside what it was measured on.</summary>
    public const double MaxImpactBound = 0.5;

    /// <summary>The defaults: 5 protocols, 2,000 vaults, seed 1, the built-in crash, the four default policies, reports in <c>simulation/</c>.</summary>
    public static SimulationSettings Default { get; } = new(5, 2_000, 1, null, "simulation", [.. SimulationPolicy.Default.Select(p => p.Name)], Quiet: false);

    /// <summary>Parses <c>simulate [--protocols N] [--vaults M] [--seed S] [--scenario file.csv] [--out dir] [--policy name]... [--impact-bound F] [--basis-arbitrage B] [--no-spillover] [--no-top-ups] [--quiet]</c>.</summary>
    /// <param name="args">The arguments after <c>simulate</c>.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad one; the message names it.</exception>
    public static SimulationSettings Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        var policies = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--quiet":
                    settings = settings with { Quiet = true };
                    continue;
                case "--no-spillover":
                    settings = settings with { Spillover = false };
                    continue;
                case "--no-top-ups":
                    settings = settings with { TopUps = false };
                    continue;
                case "--protocols":
                    settings = settings with { Protocols = Int(name, Value(i++), 1, 100) };
                    continue;
                case "--vaults":
                    settings = settings with { Vaults = Int(name, Value(i++), 1, 100_000) };
                    continue;
                case "--seed":
                    settings = settings with { Seed = Int(name, Value(i++), int.MinValue, int.MaxValue) };
                    continue;
                case "--scenario":
                    var path = Value(i++);
                    settings = File.Exists(path) ? settings with { ScenarioPath = path } : throw new ArgumentException($"--scenario: the file '{path}' does not exist.");
                    continue;
                case "--impact-bound":
                    settings = settings with { ImpactBound = Fraction(name, Value(i++), MaxImpactBound) };
                    continue;
                case "--basis-arbitrage":
                    settings = settings with { BasisArbitrageBand = Fraction(name, Value(i++), MaxBasisArbitrageBand, zeroAllowed: true) };
                    continue;
                case "--out":
                    settings = settings with { Output = Value(i++) };
                    continue;
                case "--policy":
                    var policy = Value(i++);
                    policies.Add(SimulationPolicy.All.Any(p => p.Name == policy)
                        ? policy
                        : throw new ArgumentException($"--policy: '{policy}' is not a policy; choose from {string.Join(", ", SimulationPolicy.All.Select(p => $"'{p.Name}'"))}."));
                    continue;
                default:
                    throw new ArgumentException($"'{name}' is not an option of simulate (--protocols, --vaults, --seed, --scenario, --out, --policy, --impact-bound, --basis-arbitrage, --no-spillover, --no-top-ups, --quiet).");
            }

            string Value(int at) => at + 1 < args.Count ? args[at + 1] : throw new ArgumentException($"{args[at]} needs a value.");
        }

        if (settings.Vaults < settings.Protocols)
        {
            throw new ArgumentException($"--vaults ({settings.Vaults}) must be at least --protocols ({settings.Protocols}): every protocol has a vault.");
        }

        if (!settings.TopUps && policies.FirstOrDefault(p => SimulationPolicy.All.First(a => a.Name == p) is { TopUps: true, Coordinator: not Mesh.Rebalancing.RebalancePolicy.Adaptive }) is { } named)
        {
            throw new ArgumentException($"--no-top-ups: '{named}' is a policy with top-ups; run 'unbounded' or 'static caps' instead.");
        }

        return policies.Count == 0 ? settings : settings with { Policies = policies };
    }

    private static double Fraction(string name, string value, double max, bool zeroAllowed = false) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var f) && double.IsFinite(f) && (zeroAllowed ? f >= 0 : f > 0) && f <= max
            ? f
            : throw new ArgumentException($"{name}: '{value}' is not a fraction {(zeroAllowed ? "from 0" : "above 0")} to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)} (0.02 is 2%).");

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name}: '{value}' is not a whole number in [{min}, {max}].");
}
