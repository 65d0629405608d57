namespace Mesh.Runtime.Persistence;

/// <summary>A persistent state that the activation reads before <see cref="Grain.OnActivateAsync"/>.</summary>
internal interface IStateLoader
{
    Task LoadAsync(CancellationToken cancellationToken);
}
