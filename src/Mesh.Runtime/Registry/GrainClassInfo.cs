namespace Mesh.Runtime.Registry;

/// <summary>What the runtime knows about one grain class.</summary>
internal sealed record GrainClassInfo(string GrainType, Type ClassType, bool Reentrant, Type[] Interfaces, Func<GrainActivationContext, Grain> Factory);
