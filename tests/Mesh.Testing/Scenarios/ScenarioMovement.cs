using System.Globalization;

namespace Mesh.Testing.Scenarios;

/// <summary>A value-moving request of the scenario, sent with its own idempotency key (and the same key on every retry).</summary>
/// <param name="Protocol">The vault's protocol.</param>
/// <param name="Kind">The movement's path: <c>deposits</c>, <c>draws</c>, <c>repayments</c> or <c>supplies</c>.</param>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">Base units.</param>
/// <param name="IdempotencyKey">The request's idempotency key.</param>
public sealed record ScenarioMovement(ScenarioProtocol Protocol, string Kind, string Asset, UInt128 Amount, string IdempotencyKey)
{
    /// <summary>The deposits path.</summary>
    public const string Deposit = "deposits";

    /// <summary>The draws path.</summary>
    public const string Draw = "draws";

    /// <summary>The repayments path.</summary>
    public const string Repay = "repayments";

    /// <summary>The supplies path.</summary>
    public const string Supply = "supplies";

    /// <summary>The request body.</summary>
    /// <returns>The JSON.</returns>
    public string Body() => $$"""{"asset":"{{Asset}}","amount":"{{Amount.ToString(CultureInfo.InvariantCulture)}}"}""";

    /// <inheritdoc />
    public override string ToString() => $"{Protocol.Id} {Kind} {Amount} {Asset} [{IdempotencyKey}]";
}
