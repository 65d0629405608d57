namespace Mesh.Risk.Batch;

/// <summary>Destination spans for batch prices and Greeks (units as in <see cref="Options.OptionGreeks"/>).</summary>
public readonly ref struct GreeksBatch
{
    /// <summary>Initializes a new instance of the <see cref="GreeksBatch"/> struct.</summary>
    /// <param name="price">Receives present values.</param>
    /// <param name="delta">Receives ∂V/∂S.</param>
    /// <param name="gamma">Receives ∂²V/∂S².</param>
    /// <param name="vega">Receives ∂V/∂σ per unit vol.</param>
    /// <param name="theta">Receives value change per year of elapsed time.</param>
    /// <param name="rho">Receives ∂V/∂r per unit rate.</param>
    public GreeksBatch(Span<double> price, Span<double> delta, Span<double> gamma, Span<double> vega, Span<double> theta, Span<double> rho)
    {
        Price = price;
        Delta = delta;
        Gamma = gamma;
        Vega = vega;
        Theta = theta;
        Rho = rho;
    }

    /// <summary>Gets the price destination.</summary>
    public Span<double> Price { get; }

    /// <summary>Gets the delta destination.</summary>
    public Span<double> Delta { get; }

    /// <summary>Gets the gamma destination.</summary>
    public Span<double> Gamma { get; }

    /// <summary>Gets the vega destination.</summary>
    public Span<double> Vega { get; }

    /// <summary>Gets the theta destination.</summary>
    public Span<double> Theta { get; }

    /// <summary>Gets the rho destination.</summary>
    public Span<double> Rho { get; }

    internal void Validate(int length)
    {
        if (Price.Length < length || Delta.Length < length || Gamma.Length < length || Vega.Length < length || Theta.Length < length || Rho.Length < length)
        {
            throw new ArgumentException("Every destination span must be at least as long as the batch.");
        }
    }
}
