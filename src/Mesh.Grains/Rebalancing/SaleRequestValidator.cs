using Mesh.Errors;
using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>Checks a sale request before the coordinator records anything; every failure names the field.</summary>
internal static class SaleRequestValidator
{
    internal const int MaxIdLength = 128;

    internal static void Check(SaleRequest? request)
    {
        if (request is null)
        {
            throw MeshException.Invalid("request", "request.missing", "the sale request is required.");
        }

        Id(request.RequestId, "requestId", "request.malformed_id");
        Id(request.Vault, "vault", "vault.malformed");
        Id(request.ProtocolId, "protocolId", "protocol.malformed");
        if (request.Quantity == UInt128.Zero)
        {
            throw MeshException.Invalid("quantity", "quantity.zero", "quantity must be greater than zero.");
        }

        if (!double.IsFinite(request.HealthFactor) || request.HealthFactor < 0)
        {
            throw MeshException.Invalid("healthFactor", "health_factor.invalid", $"healthFactor must be a finite number of at least 0; it is {request.HealthFactor}.");
        }

        if (request.Haircut is { } haircut && !(haircut >= 0 && haircut < 1))
        {
            throw MeshException.Invalid("haircut", "haircut.invalid", $"haircut must be a fraction from 0 to below 1; it is {haircut}.");
        }

        if (request.ProceedsHaircut is { } proceeds)
        {
            if (!(proceeds >= 0 && proceeds < 1))
            {
                throw MeshException.Invalid("proceedsHaircut", "haircut.invalid", $"proceedsHaircut must be a fraction from 0 to below 1; it is {proceeds}.");
            }

            if (request.Haircut is null)
            {
                throw MeshException.Invalid("proceedsHaircut", "haircut.missing", "proceedsHaircut is weighed against the haircut on the asset sold; give haircut with it.");
            }
        }
    }

    internal static void RequestId(string? requestId) => Id(requestId, "requestId", "request.malformed_id");

    private static void Id(string? value, string field, string code)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength || value.Any(char.IsControl))
        {
            throw MeshException.Invalid(field, code, $"{field} must be 1-{MaxIdLength} printable characters.");
        }
    }
}
