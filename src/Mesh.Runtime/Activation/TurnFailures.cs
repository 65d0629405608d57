namespace Mesh.Runtime.Activation;

/// <summary>
/// Rewrites failures that leave a turn so that "this call did not run" can only come from the runtime's own routing:
/// a nested call's "not owner" or "unreachable" thrown out of grain code means the outer call did run, and retrying
/// the outer call could apply it twice.
/// </summary>
internal static class TurnFailures
{
    public static Exception Sanitize(Exception exception) => exception switch
    {
        NotOwnerException { CallDidNotRun: true } notOwner => new NotOwnerException(notOwner.Message),
        SiloUnreachableException unreachable => new SiloUnavailableException($"A call made by the grain could not reach its silo: {unreachable.Message}", unreachable),
        _ => exception,
    };
}
