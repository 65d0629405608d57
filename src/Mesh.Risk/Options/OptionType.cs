namespace Mesh.Risk.Options;

/// <summary>The payoff type of a vanilla option.</summary>
public enum OptionType
{
    /// <summary>Right to buy: payoff max(S − K, 0).</summary>
    Call,

    /// <summary>Right to sell: payoff max(K − S, 0).</summary>
    Put,
}
