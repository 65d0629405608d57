namespace Mesh.Runtime.Transport;

/// <summary>The outcome of a call between silos.</summary>
internal enum ResponseStatus : byte
{
    /// <summary>The grain method returned; the payload is its JSON result.</summary>
    Ok = 0,

    /// <summary>The grain method (or the runtime) threw; the payload describes the exception.</summary>
    Exception = 1,

    /// <summary>The receiving silo does not own the grain's partition; nothing ran. The caller refreshes and retries.</summary>
    NotOwner = 2,
}
