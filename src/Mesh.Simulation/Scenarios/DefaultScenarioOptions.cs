namespace Mesh.Simulation.Scenarios;

/// <summary>The shape of <see cref="DefaultScenario"/>: a smooth crash with seeded noise while depth contracts, then a tail.</summary>
public sealed class DefaultScenarioOptions
{
    /// <summary>Gets or sets the price at the start.</summary>
    /// <value>The default is 3,000.</value>
    public decimal StartPrice { get; set; } = 3_000m;

    /// <summary>Gets or sets how far the price falls by the end of the crash, a fraction in (0, 1).</summary>
    /// <value>The default is 0.35.</value>
    public double Drop { get; set; } = 0.35;

    /// <summary>Gets or sets how far depth contracts by the end of the crash, a fraction in [0, 1).</summary>
    /// <value>The default is 0.70 (depth at 30% of its baseline).</value>
    public double DepthContraction { get; set; } = 0.70;

    /// <summary>Gets or sets how long the crash takes.</summary>
    /// <value>The default is 30 minutes.</value>
    public TimeSpan CrashDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets how long the tail after the crash lasts.</summary>
    /// <value>The default is 15 minutes.</value>
    public TimeSpan TailDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the share of the fall the price wins back over the tail, in [0, 1].</summary>
    /// <value>The default is 0.2 (from −35% back to −28%).</value>
    public double TailRetrace { get; set; } = 0.2;

    /// <summary>Gets or sets the share of the lost depth that comes back over the tail, in [0, 1].</summary>
    /// <value>The default is 0.5 (from 30% back to 65% of the baseline).</value>
    public double TailDepthRecovery { get; set; } = 0.5;

    /// <summary>Gets or sets the time between steps.</summary>
    /// <value>The default is 15 seconds.</value>
    public TimeSpan Step { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the standard deviation of the noise's log-return per step.</summary>
    /// <value>The default is 0.002 (0.2% per 15 s, about 2.4% an hour on top of the trend).</value>
    public double NoisePerStep { get; set; } = 0.002;

    /// <summary>Gets or sets the noise's seed: the same seed gives the same path.</summary>
    /// <value>The default is 20221108.</value>
    public int Seed { get; set; } = 20221108;

    /// <summary>Checks every setting, naming the first one out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        Require(StartPrice > 0m, nameof(StartPrice), "must be above zero");
        Require(Drop is > 0 and < 1, nameof(Drop), "must be in (0, 1)");
        Require(DepthContraction is >= 0 and < 1, nameof(DepthContraction), "must be in [0, 1)");
        Require(Step > TimeSpan.Zero, nameof(Step), "must be above zero");
        Require(CrashDuration >= Step && CrashDuration.Ticks % Step.Ticks == 0, nameof(CrashDuration), "must be a whole number of steps");
        Require(TailDuration >= TimeSpan.Zero && TailDuration.Ticks % Step.Ticks == 0, nameof(TailDuration), "must be a whole number of steps");
        Require(TailRetrace is >= 0 and <= 1, nameof(TailRetrace), "must be in [0, 1]");
        Require(TailDepthRecovery is >= 0 and <= 1, nameof(TailDepthRecovery), "must be in [0, 1]");
        Require(double.IsFinite(NoisePerStep) && NoisePerStep is >= 0 and < 0.1, nameof(NoisePerStep), "must be in [0, 0.1)");
    }

    private static void Require(bool ok, string name, string what)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"DefaultScenario:{name} {what}.");
        }
    }
}
