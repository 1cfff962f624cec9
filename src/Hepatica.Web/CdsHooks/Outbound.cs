using System.Net;
using System.Net.Sockets;

namespace Hepatica.Web.CdsHooks;

/// <summary>What an address is, for deciding whether this host may connect to it.</summary>
internal enum AddressKind
{
    /// <summary>A public unicast address.</summary>
    Public,

    /// <summary>Loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10), unique local (fc00::/7) or site-local (fec0::/10).</summary>
    Internal,

    /// <summary>Link-local (169.254/16, fe80::/10: cloud metadata lives there), unspecified, "this network" (0/8), multicast, broadcast, reserved.</summary>
    Forbidden,
}

/// <summary>
/// Where the host's outgoing HTTP clients (prefetch, JWKS) may go, checked twice: on the URL before any request (the
/// server must be one the operator configured: same scheme, host and port, path under the configured one) and on the
/// IP address actually connected to, in <see cref="SocketsHttpHandler.ConnectCallback"/>, so no spelling of an address
/// (<c>0x7f000001</c>, <c>2130706433</c>, <c>127.1</c>, <c>0177.0.0.1</c>, <c>[::ffff:127.0.0.1]</c>, a trailing dot,
/// upper case) and no DNS answer reaches a place the configuration does not name. Redirects are never followed.
/// </summary>
internal static class Outbound
{
    /// <summary>A host in one spelling: lower case, no trailing dot, no brackets, IP literals canonical, IPv4-mapped IPv6 as IPv4.</summary>
    public static string CanonicalHost(string host)
    {
        var h = host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();
        return IPAddress.TryParse(h, out var ip) ? Canonical(ip).ToString() : h;
    }

    /// <summary>The address with IPv4-mapped IPv6 (<c>::ffff:a.b.c.d</c>) turned into its IPv4 address.</summary>
    public static IPAddress Canonical(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

    /// <summary>Whether <paramref name="uri"/> is on a configured server: same scheme, canonical host and port, path at or under the configured path.</summary>
    public static bool Under(Uri uri, IEnumerable<string> bases) => bases.Any(b => Uri.TryCreate(b, UriKind.Absolute, out var u) && Under(uri, u));

    /// <summary>Whether <paramref name="uri"/> is at or under <paramref name="root"/> (scheme, canonical host, port, path segments).</summary>
    public static bool Under(Uri uri, Uri root)
    {
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.Equals(uri.Scheme, root.Scheme, StringComparison.OrdinalIgnoreCase)
            || uri.Port != root.Port || CanonicalHost(uri.IdnHost) != CanonicalHost(root.IdnHost))
        {
            return false;
        }

        var path = uri.AbsolutePath.TrimEnd('/') + "/";
        return path.StartsWith(root.AbsolutePath.TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    /// <summary>Loopback, private, link-local ... or public (docs/cds-hooks.md, "Outgoing requests").</summary>
    public static AddressKind Classify(IPAddress address)
    {
        var ip = Canonical(address);
        var b = ip.GetAddressBytes();
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            return b switch
            {
                [0, ..] or [169, 254, ..] or [>= 224, ..] => AddressKind.Forbidden,
                [127, ..] or [10, ..] or [192, 168, ..] => AddressKind.Internal,
                [172, var s, ..] when (s & 0xF0) == 16 => AddressKind.Internal,
                [100, var s, ..] when (s & 0xC0) == 64 => AddressKind.Internal,
                _ => AddressKind.Public,
            };
        }

        if (ip.Equals(IPAddress.IPv6Loopback))
        {
            return AddressKind.Internal;
        }

        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return AddressKind.Forbidden; // :: and the deprecated IPv4-compatible ::a.b.c.d
        }

        if (ip.IsIPv6LinkLocal || ip.IsIPv6Multicast)
        {
            return AddressKind.Forbidden;
        }

        if (ip.IsIPv6UniqueLocal || ip.IsIPv6SiteLocal)
        {
            return AddressKind.Internal;
        }

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: it decides.
        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            return Classify(new IPAddress(b.AsSpan(12, 4)));
        }

        return b is [0x20, 0x02, ..] ? Classify(new IPAddress(b.AsSpan(2, 4))) : AddressKind.Public;
    }

    /// <summary>
    /// Whether a connection to <paramref name="host"/>:<paramref name="port"/> may use <paramref name="address"/>: the
    /// server must be configured (<paramref name="allowed"/>); an internal address is fine for a configured server (the
    /// operator named it); a forbidden one (link-local, unspecified, multicast ...) only when the operator wrote that
    /// very address as the server's host.
    /// </summary>
    public static bool Permitted(string host, int port, IPAddress address, IEnumerable<string> allowed)
    {
        var canonical = CanonicalHost(host);
        if (!allowed.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var u) && u.Port == port && CanonicalHost(u.IdnHost) == canonical))
        {
            return false;
        }

        return Classify(address) != AddressKind.Forbidden
            || (IPAddress.TryParse(canonical, out var literal) && literal.Equals(Canonical(address)));
    }

    /// <summary>
    /// The primary handler of an outgoing client: no redirects, no proxy (the connection must go to the server itself),
    /// no automatic decompression, and a connect callback that resolves the host itself and connects only to permitted
    /// addresses (<see cref="Permitted"/>) of a server in <paramref name="allowed"/>.
    /// </summary>
    public static SocketsHttpHandler Handler(Func<IEnumerable<string>> allowed) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectCallback = async (context, ct) =>
        {
            var endpoint = context.DnsEndPoint;
            var servers = allowed().ToList();
            var host = CanonicalHost(endpoint.Host);
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct).ConfigureAwait(false);
            var usable = addresses.Select(Canonical).Where(a => Permitted(host, endpoint.Port, a, servers)).Distinct().ToArray();
            if (usable.Length == 0)
            {
                throw new HttpRequestException($"connection to {host}:{endpoint.Port} refused: not a configured server, or only at addresses that are not allowed ({string.Join(", ", addresses.Select(Canonical))})");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable, endpoint.Port, ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>
    /// The body of a response, or null when it is larger than <paramref name="limit"/> bytes: a declared Content-Length
    /// over the limit is refused before reading, and the bytes are counted as they arrive (chunked answers), so no more
    /// than the limit is ever held.
    /// </summary>
    public static async Task<byte[]?> ReadBounded(HttpResponseMessage response, long limit, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > limit)
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int n;
            while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, n);
            }

            return buffer.ToArray();
        }
    }
}
