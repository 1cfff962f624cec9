using System.Security.Cryptography;
using System.Text;

namespace Hepatica.Fhir.Writing;

/// <summary>
/// Name-based uuids for the entries the writer creates, so the same assessment written twice gives the same Bundle
/// (golden tests, idempotent stores). RFC 9562 version 8 (custom) layout over the first 16 bytes of SHA-256 of the name:
/// SHA-256 rather than the SHA-1 of version 5, which the analyzers flag as weak; the uuid is an identifier, not a secret.
/// </summary>
internal static class ContentUuid
{
    /// <summary>A <c>urn:uuid:</c> URL for this name.</summary>
    public static string Urn(string name) => "urn:uuid:" + Of(name);

    /// <summary>The uuid for this name, lower-case, hyphenated.</summary>
    public static string Of(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var b = hash[..16];
        b[6] = (byte)((b[6] & 0x0F) | 0x80); // version 8
        b[8] = (byte)((b[8] & 0x3F) | 0x80); // variant 10
        return new Guid(b, bigEndian: true).ToString("D");
    }
}
