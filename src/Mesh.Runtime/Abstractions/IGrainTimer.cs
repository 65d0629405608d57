namespace Mesh.Runtime;

/// <summary>A timer of one activation; its ticks run as turns of that activation. Dispose to stop it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
