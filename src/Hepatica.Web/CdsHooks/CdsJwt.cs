using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hepatica.Web.CdsHooks;

/// <summary>
/// Checks the CDS client's JWT (CDS Hooks 2.0, "Trusting CDS Clients"): asymmetric algorithms only (never <c>none</c>,
/// never HMAC), <c>typ</c> JWT, <c>iss</c> on the allowlist, <c>kid</c> in that issuer's configured JWKS, <c>jku</c> (if
/// sent) equal to the configured JWKS URL, a valid signature, <c>aud</c> equal to the URL called, <c>exp</c> and <c>iat</c>
/// with a small clock skew, and a <c>jti</c> not seen before (replay cache kept until the token expires).
/// </summary>
internal sealed class CdsJwtValidator(IOptions<CdsHooksOptions> options, JwksCache jwks, TimeProvider clock, ILogger<CdsJwtValidator> log)
{
    /// <summary>ES384 and RS384 are recommended by the spec; the other asymmetric JWS algorithms are accepted.</summary>
    internal static readonly string[] AllowedAlgorithms = ["ES384", "RS384", "ES256", "RS256", "ES512", "RS512", "PS256", "PS384", "PS512"];

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private long nextPurge;

    /// <summary>Null when the token is acceptable for <paramref name="audience"/>, else why it is not.</summary>
    public async Task<string?> Check(string? authorization, string audience, CancellationToken ct)
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

        if (!token.TryGetPayloadValue<long>("iat", out _))
        {
            return "iat missing";
        }

        if (string.IsNullOrEmpty(token.Id))
        {
            return "jti missing";
        }

        return Remember(token.Issuer + " " + token.Id, token.ValidTo, o.ClockSkewSeconds) ? null : "jti already used (replay)";
    }

    private bool Lifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } e && e.ToUniversalTime() + skew >= now && (notBefore is not { } n || n.ToUniversalTime() - skew <= now);
    }

    /// <summary>True the first time a jti is seen; entries are dropped once their token has expired.</summary>
    private bool Remember(string jti, DateTime validTo, int skewSeconds)
    {
        var now = clock.GetUtcNow();
        if (now.UtcTicks > Interlocked.Read(ref nextPurge))
        {
            Interlocked.Exchange(ref nextPurge, now.AddSeconds(30).UtcTicks);
            foreach (var (k, until) in seen)
            {
                if (until < now)
                {
                    seen.TryRemove(k, out _);
                }
            }
        }

        return seen.TryAdd(jti, new DateTimeOffset(validTo, TimeSpan.Zero).AddSeconds(skewSeconds));
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
                json = await http.CreateClient(HttpClientName).GetStringAsync(new Uri(issuer.JwksUrl), ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or TaskCanceledException or UnauthorizedAccessException)
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
}
