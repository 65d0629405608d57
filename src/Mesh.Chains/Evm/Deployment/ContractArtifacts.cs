using System.Text.Json;

namespace Mesh.Chains.Evm.Deployment;

/// <summary>
/// The compiled mesh contracts: the creation bytecode of each, read from the artifacts that
/// <c>src/Mesh.Chains/contracts/scripts/compile.js</c> writes (run by <c>tests/setup-evm.sh</c>).
/// </summary>
public sealed class ContractArtifacts
{
    /// <summary>The contracts the mesh deploys.</summary>
    public static readonly IReadOnlyList<string> Required = ["MeshVault", "MeshTestToken", "MeshPriceFeed"];

    private readonly Dictionary<string, string> _bytecode;

    private ContractArtifacts(string directory, Dictionary<string, string> bytecode)
    {
        Directory = directory;
        _bytecode = bytecode;
    }

    /// <summary>The directory the artifacts were read from.</summary>
    public string Directory { get; }

    /// <summary>Reads the artifacts of <see cref="Required"/> from a build directory.</summary>
    /// <param name="directory">The directory, e.g. <c>src/Mesh.Chains/contracts/build</c>.</param>
    /// <returns>The artifacts.</returns>
    /// <exception cref="FileNotFoundException">When an artifact is missing, with the command that produces it.</exception>
    public static ContractArtifacts Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var bytecode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Required)
        {
            var path = Path.Combine(directory, name + ".json");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The compiled contract {name} is missing ({path}). Run tests/setup-evm.sh: it installs the npm packages of src/Mesh.Chains/contracts and compiles the contracts.",
                    path);
            }

            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var code = document.RootElement.GetProperty("bytecode").GetString();
            if (string.IsNullOrEmpty(code) || code.Length <= 2)
            {
                throw new InvalidDataException($"The artifact {path} has no bytecode; run tests/setup-evm.sh again.");
            }

            bytecode[name] = code;
        }

        return new ContractArtifacts(directory, bytecode);
    }

    /// <summary>The creation bytecode of a contract, hex with <c>0x</c>.</summary>
    /// <param name="name">The contract name.</param>
    /// <returns>The bytecode.</returns>
    public string Bytecode(string name) => _bytecode.TryGetValue(name, out var code)
        ? code
        : throw new KeyNotFoundException($"No artifact for contract {name}.");
}
