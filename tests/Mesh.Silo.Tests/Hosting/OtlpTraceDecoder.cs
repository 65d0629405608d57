using System.Text;

namespace Mesh.Silo.Tests.Hosting;

/// <summary>
/// Reads the spans out of an OTLP/HTTP protobuf <c>ExportTraceServiceRequest</c> by walking the protobuf wire format
/// (field numbers from opentelemetry/proto/trace/v1/trace.proto): resource_spans(1) → resource(1) / scope_spans(2) →
/// scope(1) / spans(2) → trace_id(1), span_id(2), parent_span_id(4), name(5), kind(6).
/// </summary>
internal static class OtlpTraceDecoder
{
    public static IEnumerable<OtlpSpan> Decode(byte[] request)
    {
        foreach (var (field, resourceSpans) in Fields(request))
        {
            if (field != 1)
            {
                continue;
            }

            var instance = string.Empty;
            foreach (var (f, value) in Fields(resourceSpans))
            {
                if (f == 1)
                {
                    instance = Attribute(value, "service.instance.id") ?? instance;
                }
                else if (f == 2)
                {
                    foreach (var span in ScopeSpans(value, instance))
                    {
                        yield return span;
                    }
                }
            }
        }
    }

    private static IEnumerable<OtlpSpan> ScopeSpans(byte[] scopeSpans, string instance)
    {
        var scope = string.Empty;
        var spans = new List<byte[]>();
        foreach (var (f, value) in Fields(scopeSpans))
        {
            if (f == 1)
            {
                scope = Fields(value).Where(x => x.Field == 1).Select(x => Encoding.UTF8.GetString(x.Value)).FirstOrDefault() ?? string.Empty;
            }
            else if (f == 2)
            {
                spans.Add(value);
            }
        }

        foreach (var span in spans)
        {
            string traceId = string.Empty, spanId = string.Empty, parent = string.Empty, name = string.Empty;
            var kind = 0;
            foreach (var (f, value) in Fields(span))
            {
                switch (f)
                {
                    case 1: traceId = Convert.ToHexStringLower(value); break;
                    case 2: spanId = Convert.ToHexStringLower(value); break;
                    case 4: parent = Convert.ToHexStringLower(value); break;
                    case 5: name = Encoding.UTF8.GetString(value); break;
                    case 6: kind = value[0]; break;
                    default: break;
                }
            }

            yield return new OtlpSpan(instance, scope, traceId, spanId, parent, name, kind);
        }
    }

    /// <summary>The string value of a resource attribute (KeyValue key=1, AnyValue value=2 → string_value=1).</summary>
    private static string? Attribute(byte[] resource, string key)
    {
        foreach (var (f, keyValue) in Fields(resource))
        {
            if (f != 1)
            {
                continue;
            }

            var fields = Fields(keyValue).ToList();
            if (fields.Any(x => x.Field == 1 && Encoding.UTF8.GetString(x.Value) == key))
            {
                var any = fields.FirstOrDefault(x => x.Field == 2).Value;
                return any is null ? null : Fields(any).Where(x => x.Field == 1).Select(x => Encoding.UTF8.GetString(x.Value)).FirstOrDefault();
            }
        }

        return null;
    }

    /// <summary>The fields of one message: varints are returned as their value's single low byte (enough for kind).</summary>
    private static IEnumerable<(int Field, byte[] Value)> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return (field, [(byte)ReadVarint(message, ref position)]);
                    break;
                case 1:
                    yield return (field, message[position..(position + 8)]);
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    yield return (field, message[position..(position + length)]);
                    position += length;
                    break;
                case 5:
                    yield return (field, message[position..(position + 4)]);
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type in tag {tag}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] buffer, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[position++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
    }
}
