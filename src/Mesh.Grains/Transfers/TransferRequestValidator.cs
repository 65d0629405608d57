using Mesh.Errors;
using Mesh.Transfers;

namespace Mesh.Grains.Transfers;

/// <summary>The checks on a request id and on the fields of a quote request the route planner does not make.</summary>
internal static class TransferRequestValidator
{
    /// <summary>The longest transfer key: the API keys a router's transfer as <c>router:requestId</c>, each part up to 64.</summary>
    public const int MaxKeyLength = 140;

    public const int MaxIdLength = 64;

    public static void CheckId(string requestId)
    {
        if (string.IsNullOrEmpty(requestId) || requestId.Length > MaxKeyLength || !requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            throw MeshException.Invalid("requestId", "transfer.request_id_invalid", $"requestId: '{requestId}' must be 1–{MaxKeyLength} letters, digits, '-', '_', '.' or ':'.");
        }
    }

    public static void Check(TransferQuoteRequest? request, TransferOptions options)
    {
        if (request is null)
        {
            throw MeshException.Invalid("request", "transfer.request_missing", "The quote request is missing.");
        }

        if (string.IsNullOrWhiteSpace(request.ProtocolId) || request.ProtocolId.Length > MaxIdLength)
        {
            throw MeshException.Invalid("protocolId", "protocol.id_invalid", $"protocolId: '{request.ProtocolId}' must be a protocol id of 1–{MaxIdLength} characters.");
        }

        foreach (var (field, value) in new[] { ("asset", request.Asset), ("from", request.From), ("to", request.To) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw MeshException.Invalid(field, field == "asset" ? "asset.missing" : "chain.missing", $"{field} is required.");
            }
        }

        if (request.Deadline > options.MaxDeadline)
        {
            throw MeshException.Invalid("deadline", "deadline.too_long", $"deadline: {request.Deadline} is longer than the {options.MaxDeadline} a transfer may ask for.");
        }
    }
}
