namespace Mesh.TestGrains;

[GenerateSerializer]
[Alias("test.counter.snapshot")]
public sealed record CounterSnapshot([property: Id(0)] long Value, [property: Id(1)] int Operations, [property: Id(2)] string Silo);
