namespace Mesh.Runtime.Diagnostics;

/// <summary>Instrument and tag names of the runtime, following OpenTelemetry semantic conventions.</summary>
public static class InstrumentNames
{
    /// <summary>The name of the runtime's <c>ActivitySource</c> and <c>Meter</c>.</summary>
    public const string SourceName = RuntimeInstrumentation.Name;

    /// <summary>Counter of grain calls issued.</summary>
    public const string Calls = "mesh.grain.calls";

    /// <summary>Histogram of grain call duration (seconds).</summary>
    public const string CallDuration = "mesh.grain.call.duration";

    /// <summary>Up-down counter of live activations.</summary>
    public const string Activations = "mesh.grain.activations";

    /// <summary>Counter of activations created.</summary>
    public const string ActivationsCreated = "mesh.grain.activations.created";

    /// <summary>Histogram of activation duration (seconds).</summary>
    public const string ActivationDuration = "mesh.grain.activation.duration";

    /// <summary>Gauge of messages waiting in mailboxes.</summary>
    public const string MailboxDepth = "mesh.grain.mailbox.depth";

    /// <summary>Histogram of storage operation duration (seconds).</summary>
    public const string StorageDuration = "mesh.storage.duration";

    /// <summary>Gauge of partitions this silo holds a lease on.</summary>
    public const string PartitionsOwned = "mesh.cluster.partitions.owned";

    /// <summary>Gauge of live silos.</summary>
    public const string LiveSilos = "mesh.cluster.silos.live";

    /// <summary>Counter of partitions acquired, handed off or lost.</summary>
    public const string OwnershipChanges = "mesh.cluster.ownership.changes";

    /// <summary>Tag: the RPC system (<c>mesh</c>).</summary>
    public const string RpcSystemTag = "rpc.system";

    /// <summary>Tag: interface and method, e.g. <c>IVaultGrain.Deposit</c>.</summary>
    public const string RpcMethodTag = "rpc.method";

    /// <summary>Tag: the grain id.</summary>
    public const string GrainIdTag = "mesh.grain.id";

    /// <summary>Tag: the silo id.</summary>
    public const string SiloTag = "mesh.silo.id";

    /// <summary>Tag: ok or error.</summary>
    public const string OutcomeTag = "mesh.outcome";

    /// <summary>Tag: the database system.</summary>
    public const string DbSystemTag = "db.system.name";

    /// <summary>Tag: the database operation.</summary>
    public const string DbOperationTag = "db.operation.name";
}
