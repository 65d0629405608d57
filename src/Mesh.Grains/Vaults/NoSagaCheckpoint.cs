namespace Mesh.Grains.Vaults;

/// <summary>The production checkpoint: nothing happens between the saga's writes.</summary>
internal sealed class NoSagaCheckpoint : ISagaCheckpoint
{
    public void Reached(string vault, string operationId, SagaStep boundary)
    {
    }
}
