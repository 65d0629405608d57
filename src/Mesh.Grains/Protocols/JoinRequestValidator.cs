using Mesh.Chains.Configuration;
using Mesh.Errors;
using Mesh.Protocols;

namespace Mesh.Grains.Protocols;

/// <summary>Checks a protocol id and join request; every failure names the field.</summary>
internal static class JoinRequestValidator
{
    internal const int MaxNameLength = 64;
    internal const int MaxContactLength = 254;

    /// <summary>Checks a protocol id: 2–32 characters of lower-case letters, digits and inner hyphens.</summary>
    internal static void ProtocolId(string id)
    {
        if (!IsProtocolId(id))
        {
            throw MeshException.Invalid("protocolId", "protocol.malformed_id", $"'{id}' is not a protocol id: use 2-32 lower-case letters, digits and inner hyphens.");
        }
    }

    /// <summary>Whether a text is a protocol id: 2–32 characters of lower-case letters, digits and inner hyphens.</summary>
    internal static bool IsProtocolId(string? id) =>
        id is { Length: >= 2 and <= 32 } && id[0] != '-' && id[^1] != '-' && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    internal static void Check(JoinRequest request, ChainsConfiguration chains)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength || request.Name.Any(char.IsControl) || request.Name.Trim() != request.Name)
        {
            throw MeshException.Invalid("name", "protocol.malformed_name", $"name must be 1-{MaxNameLength} printable characters without leading or trailing spaces.");
        }

        if (request.Chains is null || request.Chains.Count == 0)
        {
            throw MeshException.Invalid("chains", "protocol.no_chains", "chains must name at least one chain.");
        }

        for (var i = 0; i < request.Chains.Count; i++)
        {
            var chain = request.Chains[i];
            if (chains.FindChain(chain ?? "") is null)
            {
                throw MeshException.Invalid($"chains[{i}]", "chain.unknown", $"chains[{i}]: '{chain}' is not a chain of this mesh ({string.Join(", ", chains.Chains.Select(c => c.Name))}).");
            }

            if (request.Chains.Take(i).Contains(chain, StringComparer.Ordinal))
            {
                throw MeshException.Invalid($"chains[{i}]", "protocol.duplicate_chain", $"chains[{i}]: '{chain}' is listed twice.");
            }
        }

        if (!IsContact(request.Contact))
        {
            throw MeshException.Invalid("contact", "protocol.malformed_contact", $"contact must be an e-mail address or an https URL of at most {MaxContactLength} characters.");
        }

        if (request.Account is not { Length: 42 } account || !account.StartsWith("0x", StringComparison.Ordinal) || !account.Skip(2).All(char.IsAsciiHexDigit))
        {
            throw MeshException.Invalid("account", "protocol.malformed_account", "account must be an EVM address: 0x and 40 hex digits.");
        }

        if (!Enum.IsDefined(request.RequestedTier))
        {
            throw MeshException.Invalid("requestedTier", "protocol.unknown_tier", $"requestedTier must be one of {string.Join(", ", Enum.GetNames<RiskTier>())}.");
        }
    }

    private static bool IsContact(string? contact)
    {
        if (string.IsNullOrEmpty(contact) || contact.Length > MaxContactLength || contact.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (Uri.TryCreate(contact, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            return !string.IsNullOrEmpty(uri.Host);
        }

        var at = contact.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == contact.LastIndexOf('@') && contact.IndexOf('.', at) > at + 1 && !contact.EndsWith('.');
    }
}
