using System.Text.Json;
using Mesh.Runtime.Persistence;

namespace Mesh.Runtime.Transport;

/// <summary>Encodes and decodes call responses, including exceptions (type, message and, for known runtime exceptions, their data).</summary>
internal static class ResponseEnvelope
{
    public static ReadOnlyMemory<byte> Ok<TResult>(TResult result)
    {
        var writer = new EnvelopeWriter();
        var json = JsonSerializer.SerializeToUtf8Bytes(result, GrainStateJson.Options);
        if (json.Length > Frames.MaxPayload - 16)
        {
            return Failure(new InvalidOperationException($"The result is {json.Length} bytes; results sent between silos are limited to {Frames.MaxPayload - 16} bytes."));
        }

        writer.WriteByte((byte)ResponseStatus.Ok);
        writer.WriteBlock(json);
        return writer.WrittenMemory;
    }

    public static ReadOnlyMemory<byte> NotOwner(string message)
    {
        var writer = new EnvelopeWriter();
        writer.WriteByte((byte)ResponseStatus.NotOwner);
        writer.WriteString(message);
        return writer.WrittenMemory;
    }

    public static ReadOnlyMemory<byte> Failure(Exception exception)
    {
        var writer = new EnvelopeWriter();
        writer.WriteByte((byte)ResponseStatus.Exception);
        writer.WriteString(exception.GetType().FullName);
        writer.WriteString(exception.GetType().Assembly.GetName().Name);
        writer.WriteString(exception.Message);
        var cycle = exception is DeadlockException deadlock ? deadlock.Cycle : [];
        writer.WriteVarInt((uint)cycle.Count);
        foreach (var call in cycle)
        {
            writer.WriteString(call);
        }

        return writer.WrittenMemory;
    }

    /// <summary>Returns the result, or throws the remote exception (as its own type when it can be rebuilt).</summary>
    public static TResult Read<TResult>(ReadOnlySpan<byte> bytes, Uri silo)
    {
        var reader = new EnvelopeReader(bytes);
        switch ((ResponseStatus)reader.ReadByte())
        {
            case ResponseStatus.Ok:
                return JsonSerializer.Deserialize<TResult>(reader.ReadBlock(), GrainStateJson.Options)!;
            case ResponseStatus.NotOwner:
                throw new NotOwnerException(reader.ReadString()) { CallDidNotRun = true };
            case ResponseStatus.Exception:
                var typeName = reader.ReadString();
                var assembly = reader.ReadString();
                var message = reader.ReadString();
                var cycle = new List<string>();
                for (var n = reader.ReadVarInt(); n > 0; n--)
                {
                    cycle.Add(reader.ReadString());
                }

                throw RemoteExceptions.Rebuild(typeName, assembly, message, cycle, silo);
            default:
                throw new InvalidDataException($"Silo {silo} answered with an unknown response status.");
        }
    }
}
