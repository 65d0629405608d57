namespace Mesh.Runtime;

/// <summary>Creates references to grains. A reference is returned at once; the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a typed reference to the grain implementing <typeparamref name="TGrainInterface"/> with the given key.</summary>
    /// <exception cref="ArgumentException">The key is empty or longer than 512 characters.</exception>
    /// <exception cref="GrainTypeNotFoundException">No grain class implements the interface.</exception>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>Returns a reference of interface <typeparamref name="TGrainInterface"/> to an explicit grain id.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;
}
