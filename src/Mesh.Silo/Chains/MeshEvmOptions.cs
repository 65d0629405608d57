using Mesh.Chains.Evm;

namespace Mesh.Silo.Chains;

/// <summary>
/// Settings of the EVM chains (configuration section <c>Mesh:Evm</c>), used when <c>Mesh:Chains:Mode</c> is
/// <see cref="ChainsMode.Evm"/> and by the <c>deploy</c> command. The signing key comes from exactly one of
/// <see cref="SigningKey"/>, <see cref="SigningKeyFile"/> or the environment variable <see cref="SigningKeyVariable"/>.
/// </summary>
public sealed class MeshEvmOptions
{
    /// <summary>The environment variable read for the signing key when neither setting names one.</summary>
    public const string DefaultSigningKeyVariable = "MESH_EVM_SIGNING_KEY";

    /// <summary>Gets or sets the mesh signer's private key (64 hex digits, with or without <c>0x</c>). Never logged; prefer a key file.</summary>
    /// <value>The default is unset.</value>
    public string? SigningKey { get; set; }

    /// <summary>Gets or sets the path of a file holding the signing key's hex digits (white space around them is ignored).</summary>
    /// <value>The default is unset.</value>
    public string? SigningKeyFile { get; set; }

    /// <summary>Gets or sets the environment variable that holds the signing key when neither <see cref="SigningKey"/> nor <see cref="SigningKeyFile"/> is set.</summary>
    /// <value>The default is <c>MESH_EVM_SIGNING_KEY</c>.</value>
    public string SigningKeyVariable { get; set; } = DefaultSigningKeyVariable;

    /// <summary>
    /// Gets or sets the file of the EVM transaction store (nonces and signed transactions, SQLite); empty puts it in the
    /// data folder. Only for SQLite storage: with PostgreSQL the silos share the store in the cluster's database, and
    /// this must stay empty.
    /// </summary>
    /// <value>The default is empty: <c>&lt;DataDirectory&gt;/evm-transactions.db</c>.</value>
    public string? TransactionStoreFile { get; set; }

    /// <summary>Gets or sets the folder of the Solidity contracts, their npm packages and compiled artifacts.</summary>
    /// <value>The default is <c>src/Mesh.Chains/contracts</c> (relative to the working directory, the repository root under <c>dotnet run</c>).</value>
    public string ContractsDirectory { get; set; } = Path.Combine("src", "Mesh.Chains", "contracts");

    /// <summary>Gets or sets how long dev mode waits for a local node it started to answer.</summary>
    /// <value>The default is 60 seconds.</value>
    public TimeSpan NodeStartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how the EVM client talks to the nodes, signs and pays (timeouts, retries, circuit breaker, fees, gas).</summary>
    /// <value>The default is <see cref="EvmChainOptions"/>' defaults; its transaction store path is replaced by <see cref="TransactionStoreFile"/>.</value>
    public EvmChainOptions Client { get; set; } = new();

    /// <summary>The problems of these settings, each naming its setting.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(SigningKeyVariable))
        {
            yield return "Mesh:Evm:SigningKeyVariable: must name an environment variable.";
        }

        if (string.IsNullOrWhiteSpace(ContractsDirectory))
        {
            yield return "Mesh:Evm:ContractsDirectory: must not be empty.";
        }

        if (NodeStartTimeout <= TimeSpan.Zero)
        {
            yield return $"Mesh:Evm:NodeStartTimeout: must be positive, got {NodeStartTimeout}.";
        }

        string? client = null;
        try
        {
            Client.Validate();
        }
        catch (ArgumentException exception)
        {
            client = $"Mesh:Evm:Client:{exception.ParamName}: {exception.Message.Split(" (Parameter", 2)[0]}";
        }

        if (client is not null)
        {
            yield return client;
        }
    }
}
