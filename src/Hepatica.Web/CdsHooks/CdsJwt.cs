using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hepatica.Web.CdsHooks;

/// <summary>
/// Checks the CDS client's JWT (CDS Hooks 2.0, "Trusting CDS Clients"): asymmetric algorithms only (never <c>none</c>,
/// never HMAC), <c>typ</c> JWT, <c>iss</c> on the allowlist, <c>kid</c> in that issuer's configured JWKS, <c>jku</c> (if
/// sent) equal to the configured JWKS URL, a valid signature, <c>aud</c> equal to the URL called, <c>exp</c> and <c>iat</c>
/// with a small clock skew (<c>iat</c> not in the future, a lifetime of at most
/// <see cref="CdsHooksOptions.MaxTokenLifetimeSeconds"/>), and a <c>jti</c> not seen before (replay cache kept until the
/// token expires, at most <see cref="CdsHooksOptions.MaxReplayCacheEntries"/> entries: full, it refuses new tokens).
/// </summary>
internal sealed class CdsJwtValidator(IOptions<CdsHooksOptions> options, JwksCache jwks, TimeProvider clock, ILogger<CdsJwtValidator> log)
{
    /// <summary>ES384 and RS384 are recommended by the spec; the other asymmetric JWS algorithms are accepted.</summary>
    internal static readonly string[] AllowedAlgorithms = ["ES384", "RS384", "ES256", "RS256", "ES512", "RS512", "PS256", "PS384", "PS512"];

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private long nextPurge;
    private long nextForcedPurge;
    private int count;

    /// <summary>What <see cref="Remember"/> found.</summary>
    private enum Seen
    {
        New,
        Replay,
        Full,
    }

    /// <summary>
    /// Null when the token is acceptable for <paramref name="audience"/>, else why it is not, with the status to answer:
    /// 401, or 503 when the replay cache is full (the client is not at fault; it may retry).
    /// </summary>
    public async Task<(string Reason, int Status)?> Check(string? authorization, string audience, CancellationToken ct)
    {
        var why = await Refusal(authorization, audience, ct).ConfigureAwait(false);
        return why is null ? null : (why, why == CacheFull ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status401Unauthorized);
    }

    internal const string CacheFull = "too many unexpired tokens to remember (Hepatica:CdsHooks:MaxReplayCacheEntries); try again shortly";

    private async Task<string?> Refusal(string? authorization, string audience, CancellationToken ct)
    {
        var o = options.Value;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "missing bearer token";
        }

        var raw = authorization["Bearer ".Length..].Trim();
        JsonWebToken token;
        try
        {
            token = Handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return "not a JWT";
        }

        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return $"algorithm '{token.Alg}' not allowed (asymmetric only: {string.Join(", ", AllowedAlgorithms)})";
        }

        var issuer = o.Issuers.FirstOrDefault(i => string.Equals(i.Issuer, token.Issuer, StringComparison.Ordinal));
        if (issuer is null)
        {
            return $"issuer '{token.Issuer}' is not trusted";
        }

        if (token.TryGetHeaderValue<string>("jku", out var jku) && !string.Equals(jku, issuer.JwksUrl, StringComparison.Ordinal))
        {
            return "jku is not the issuer's configured JWKS URL";
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return "kid missing";
        }

        var keys = await jwks.KeysOf(issuer, token.Kid, ct).ConfigureAwait(false);
        var key = keys.FirstOrDefault(k => string.Equals(k.KeyId, token.Kid, StringComparison.Ordinal));
        if (key is null)
        {
            return $"unknown key '{token.Kid}' for issuer '{issuer.Issuer}'";
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = audience,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
            ValidTypes = ["JWT"],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(o.ClockSkewSeconds),
            LifetimeValidator = (nbf, exp, _, p) => Lifetime(nbf, exp, p.ClockSkew),
        };
        var result = await Handler.ValidateTokenAsync(raw, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            CdsLog.JwtRejected(log, result.Exception?.Message ?? "invalid");
            return result.Exception switch
            {
                SecurityTokenInvalidAudienceException => $"aud must be '{audience}'",
                SecurityTokenExpiredException => "token expired",
                SecurityTokenInvalidLifetimeException => "token expired or not yet valid",
                SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "invalid signature",
                SecurityTokenInvalidTypeException => "typ must be JWT",
                _ => "invalid token",
            };
        }

        if (!token.TryGetPayloadValue<long>("iat", out var iatSeconds))
        {
            return "iat missing";
        }

        if (Lifetime(iatSeconds, token.ValidTo, o) is { } lifetime)
        {
            return lifetime;
        }

        if (string.IsNullOrEmpty(token.Id))
        {
            return "jti missing";
        }

        return Remember(token.Issuer + " " + token.Id, token.ValidTo, o) switch
        {
            Seen.New => null,
            Seen.Replay => "jti already used (replay)",
            _ => CacheFull,
        };
    }

    /// <summary>Null when <c>iat</c> is not in the future (beyond the skew) and the token lives at most the configured lifetime.</summary>
    private string? Lifetime(long iatSeconds, DateTime validTo, CdsHooksOptions o)
    {
        var now = clock.GetUtcNow();
        var skew = TimeSpan.FromSeconds(o.ClockSkewSeconds);
        var cap = TimeSpan.FromSeconds(o.MaxTokenLifetimeSeconds);
        if (iatSeconds > now.Add(skew).ToUnixTimeSeconds())
        {
            return "iat is in the future";
        }

        var exp = new DateTimeOffset(validTo, TimeSpan.Zero);
        if (iatSeconds < exp.ToUnixTimeSeconds() - o.MaxTokenLifetimeSeconds || exp - now > cap + skew)
        {
            return $"token lifetime too long: exp at most {o.MaxTokenLifetimeSeconds} s after iat and after now (Hepatica:CdsHooks:MaxTokenLifetimeSeconds)";
        }

        return null;
    }

    private bool Lifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } e && e.ToUniversalTime() + skew >= now && (notBefore is not { } n || n.ToUniversalTime() - skew <= now);
    }

    /// <summary>
    /// New the first time a jti is seen; entries are dropped once their token has expired (a sweep every 30 s, or at
    /// most once a second while the cache is full). Full when it holds the most entries allowed and none has expired.
    /// </summary>
    private Seen Remember(string jti, DateTime validTo, CdsHooksOptions o)
    {
        var now = clock.GetUtcNow();
        var full = Volatile.Read(ref count) >= o.MaxReplayCacheEntries;
        if (now.UtcTicks > Interlocked.Read(ref nextPurge) || (full && now.UtcTicks > Interlocked.Read(ref nextForcedPurge)))
        {
            Interlocked.Exchange(ref nextPurge, now.AddSeconds(30).UtcTicks);
            Interlocked.Exchange(ref nextForcedPurge, now.AddSeconds(1).UtcTicks);
            foreach (var (k, until) in seen)
            {
                if (until < now && seen.TryRemove(k, out _))
                {
                    Interlocked.Decrement(ref count);
                }
            }
        }

        if (seen.ContainsKey(jti))
        {
            return Seen.Replay;
        }

        if (Interlocked.Increment(ref count) > o.MaxReplayCacheEntries)
        {
            Interlocked.Decrement(ref count);
            return Seen.Full;
        }

        if (seen.TryAdd(jti, new DateTimeOffset(validTo, TimeSpan.Zero).AddSeconds(o.ClockSkewSeconds)))
        {
            return Seen.New;
        }

        Interlocked.Decrement(ref count);
        return Seen.Replay;
    }
}

/// <summary>Each trusted issuer's signing keys (RSA and EC only), from its JWKS file or URL, cached.</summary>
internal sealed class JwksCache(IHttpClientFactory http, IOptions<CdsHooksOptions> options, TimeProvider clock, ILogger<JwksCache> log)
{
    public const string HttpClientName = "cds-jwks";
    private readonly ConcurrentDictionary<string, (IReadOnlyList<SecurityKey> Keys, DateTimeOffset Fetched, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    /// <summary>The keys of an issuer; an unknown kid refreshes a URL-based JWKS (key rotation) at most once a minute.</summary>
    public async Task<IReadOnlyList<SecurityKey>> KeysOf(TrustedIssuer issuer, string kid, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(issuer.Issuer, out var hit) && hit.Until > now
            && (hit.Keys.Any(k => k.KeyId == kid) || issuer.JwksUrl is null || now - hit.Fetched < TimeSpan.FromMinutes(1)))
        {
            return hit.Keys;
        }

        string? json = null;
        try
        {
            if (!string.IsNullOrEmpty(issuer.JwksFile))
            {
                json = await File.ReadAllTextAsync(issuer.JwksFile, ct).ConfigureAwait(false);
            }
            else if (!string.IsNullOrEmpty(issuer.JwksUrl))
            {
                json = await Fetch(issuer, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or TaskCanceledException or UnauthorizedAccessException or UriFormatException)
        {
            CdsLog.JwksUnreadable(log, issuer.Issuer, e.Message);
        }

        IReadOnlyList<SecurityKey> keys = [];
        if (json is not null)
        {
            try
            {
                keys = new JsonWebKeySet(json).Keys.Where(k => k.Kty is "RSA" or "EC").Cast<SecurityKey>().ToList();
            }
            catch (ArgumentException e)
            {
                CdsLog.JwksUnreadable(log, issuer.Issuer, e.Message);
            }
        }

        var until = issuer.JwksUrl is null && json is not null ? DateTimeOffset.MaxValue : now.AddMinutes(json is null ? 1 : options.Value.JwksRefreshMinutes);
        cache[issuer.Issuer] = (keys, now, until);
        return keys;
    }

    /// <summary>The JWKS at the issuer's URL, never more than MaxJwksBytes and never from a redirect; null (logged) otherwise.</summary>
    private async Task<string?> Fetch(TrustedIssuer issuer, CancellationToken ct)
    {
        var limit = options.Value.MaxJwksBytes;
        using var response = await http.CreateClient(HttpClientName).GetAsync(new Uri(issuer.JwksUrl!), HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var bytes = response.IsSuccessStatusCode ? await Outbound.ReadBounded(response, limit, ct).ConfigureAwait(false) : null;
        if (bytes is null)
        {
            CdsLog.JwksRefused(log, issuer.Issuer, issuer.JwksUrl!, limit, (int)response.StatusCode);
            return null;
        }

        return System.Text.Encoding.UTF8.GetString(bytes);
    }
}
