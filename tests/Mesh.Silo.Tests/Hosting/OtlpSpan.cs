namespace Mesh.Silo.Tests.Hosting;

/// <summary>One span as exported over OTLP, with the resource's service instance (the silo) and the scope (the source).</summary>
internal sealed record OtlpSpan(string ServiceInstance, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind);
