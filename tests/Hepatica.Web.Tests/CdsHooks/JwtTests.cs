using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// The CDS client's JWT ("Trusting CDS Clients"): a good ES384 token passes; alg none, HMAC, wrong audience, expired,
/// replayed jti, unknown kid, untrusted issuer, a jku that is not allowlisted and a missing token are all 401.
/// </summary>
public sealed class JwtTests : IDisposable
{
    private const string Issuer = "https://ehr.example.org";
    private const string Service = "/cds-services/hepatica-patient-view";
    private const string Audience = "http://localhost" + Service; // the exact URL the test client calls
    private readonly ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly ECDsa other = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly string jwksFile = Path.GetTempFileName();
    private readonly CdsHost host;

    public JwtTests()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ec) { KeyId = "ehr-key-1" });
        File.WriteAllText(jwksFile, JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, use = "sig", alg = "ES384" } } }));
        host = new CdsHost(new()
        {
            ["Hepatica:CdsHooks:Issuers:0:Issuer"] = Issuer,
            ["Hepatica:CdsHooks:Issuers:0:JwksFile"] = jwksFile,
            ["Hepatica:CdsHooks:ClockSkewSeconds"] = "30",
        });
    }

    public void Dispose()
    {
        host.Dispose();
        ec.Dispose();
        other.Dispose();
        File.Delete(jwksFile);
    }

    private string Token(string audience = Audience, string issuer = Issuer, ECDsa? key = null, string kid = "ehr-key-1", DateTimeOffset? expires = null, string? jti = null, IDictionary<string, object>? header = null, DateTimeOffset? issuedAt = null, DateTimeOffset? now = null)
    {
        var at = now ?? CdsHost.Now;
        expires ??= at.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (issuedAt ?? at).UtcDateTime,
            NotBefore = at.UtcDateTime,
            Expires = expires.Value.UtcDateTime,
            Claims = new Dictionary<string, object> { ["jti"] = jti ?? Guid.NewGuid().ToString() },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key ?? ec) { KeyId = kid }, SecurityAlgorithms.EcdsaSha384),
            AdditionalHeaderClaims = header,
        });
    }

    private static string Unsigned(string alg)
    {
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        var exp = CdsHost.Now.AddMinutes(5).ToUnixTimeSeconds();
        return B64($$"""{"alg":"{{alg}}","typ":"JWT","kid":"ehr-key-1"}""") + "." +
            B64($$"""{"iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}},"iat":{{exp - 300}},"jti":"{{Guid.NewGuid()}}"}""") + ".";
    }

    private Task<(HttpStatusCode Status, string Body)> Call(string? token) => Call(host, token);

    private static async Task<(HttpStatusCode Status, string Body)> Call(CdsHost on, string? token, string? hostHeader = null)
    {
        using var client = on.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Service, UriKind.Relative))
        {
            Content = new StringContent(Requests.Json(Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"))), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (hostHeader is not null)
        {
            request.Headers.Host = hostHeader;
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private CdsHost Host(Dictionary<string, string?> more, string environment = "Development")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hepatica:CdsHooks:Issuers:0:Issuer"] = Issuer,
            ["Hepatica:CdsHooks:Issuers:0:JwksFile"] = jwksFile,
        };
        foreach (var (k, v) in more)
        {
            settings[k] = v;
        }

        return new CdsHost(settings) { Environment = environment };
    }

    private async Task Rejected(string? token, string why)
    {
        var (status, body) = await Call(token);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(why, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_es384_token_200() => Assert.Equal(HttpStatusCode.OK, (await Call(Token())).Status);

    [Fact]
    public async Task No_token_401() => await Rejected(null, "missing bearer token");

    [Fact]
    public async Task Alg_none_401() => await Rejected(Unsigned("none"), "algorithm 'none' not allowed");

    [Fact]
    public async Task Hmac_401()
    {
        // HS256 signed with a shared secret: symmetric algorithms are never accepted.
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "ehr-key-1" };
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = Audience, IssuedAt = CdsHost.Now.UtcDateTime, NotBefore = CdsHost.Now.UtcDateTime, Expires = CdsHost.Now.AddMinutes(5).UtcDateTime,
            Claims = new Dictionary<string, object> { ["jti"] = "hmac-1" },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
        await Rejected(token, "algorithm 'HS256' not allowed");
    }

    [Fact]
    public async Task Wrong_audience_401() => await Rejected(Token(audience: "http://localhost/cds-services/hepatica-order-select"), "aud must be");

    [Fact]
    public async Task Expired_beyond_skew_401() => await Rejected(Token(expires: CdsHost.Now.AddSeconds(-31)), "expired");

    [Fact]
    public async Task Expired_within_skew_200() => Assert.Equal(HttpStatusCode.OK, (await Call(Token(expires: CdsHost.Now.AddSeconds(-20)))).Status);

    [Fact]
    public async Task Replayed_jti_401()
    {
        var token = Token(jti: "once");
        Assert.Equal(HttpStatusCode.OK, (await Call(token)).Status);
        await Rejected(token, "replay");
    }

    [Fact]
    public async Task Unknown_key_401() => await Rejected(Token(key: other, kid: "not-in-jwks"), "unknown key");

    [Fact]
    public async Task Known_kid_wrong_key_401() => await Rejected(Token(key: other), "invalid signature");

    [Fact]
    public async Task Untrusted_issuer_401() => await Rejected(Token(issuer: "https://evil.example"), "not trusted");

    [Fact]
    public async Task Jku_not_allowlisted_401() =>
        await Rejected(Token(header: new Dictionary<string, object> { ["jku"] = "https://evil.example/jwks.json" }), "jku");

    [Fact]
    public async Task Discovery_needs_a_token_too()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri("/cds-services", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Default_configuration_requires_jwt()
    {
        // No Hepatica:CdsHooks settings at all: RequireJwt defaults to true and no issuer is trusted.
        await using var plain = new CdsHost([]);
        var response = await plain.Post(Service, Requests.Json(Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"))));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Ten_year_token_401() =>
        await Rejected(Token(expires: CdsHost.Now.AddYears(10)), "lifetime too long");

    [Fact]
    public async Task Lifetime_just_over_five_minutes_401() =>
        await Rejected(Token(expires: CdsHost.Now.AddSeconds(301)), "MaxTokenLifetimeSeconds");

    [Fact]
    public async Task Old_iat_with_a_far_exp_401() =>
        await Rejected(Token(issuedAt: CdsHost.Now.AddMinutes(-1), expires: CdsHost.Now.AddMinutes(5)), "lifetime too long");

    [Fact]
    public async Task Iat_in_the_future_beyond_skew_401() =>
        await Rejected(Token(issuedAt: CdsHost.Now.AddSeconds(60), expires: CdsHost.Now.AddSeconds(120)), "iat is in the future");

    [Fact]
    public async Task Iat_in_the_future_within_skew_200() =>
        Assert.Equal(HttpStatusCode.OK, (await Call(Token(issuedAt: CdsHost.Now.AddSeconds(20), expires: CdsHost.Now.AddSeconds(200)))).Status);

    [Fact]
    public async Task Configured_lifetime_cap()
    {
        await using var strict = Host(new() { ["Hepatica:CdsHooks:MaxTokenLifetimeSeconds"] = "60" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(strict, Token(expires: CdsHost.Now.AddSeconds(61)))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(strict, Token(expires: CdsHost.Now.AddSeconds(60)))).Status);
    }

    [Fact]
    public async Task Full_replay_cache_refuses_new_tokens_503_until_old_ones_expire()
    {
        await using var small = Host(new() { ["Hepatica:CdsHooks:MaxReplayCacheEntries"] = "2" });
        Assert.Equal(HttpStatusCode.OK, (await Call(small, Token())).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(small, Token())).Status);

        var (status, body) = await Call(small, Token());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("MaxReplayCacheEntries", body, StringComparison.Ordinal);

        // Past the first tokens' expiry (5 min + 30 s skew) their jtis are forgotten and room is made: refusing, not forgetting.
        small.Clock.Now = CdsHost.Now.AddMinutes(6);
        Assert.Equal(HttpStatusCode.OK, (await Call(small, Token(now: small.Clock.Now))).Status);
    }

    [Fact]
    public async Task Outside_development_without_PublicBaseUrl_401_naming_the_setting()
    {
        // A token minted for another host's service at the same path, sent with that Host header: the Host header must
        // not choose the audience, so without PublicBaseUrl nothing is accepted outside Development.
        await using var production = Host([], environment: "Production");
        var (status, body) = await Call(production, Token(audience: "http://other.example" + Service), hostHeader: "other.example");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Hepatica:CdsHooks:PublicBaseUrl", body, StringComparison.Ordinal);
        Assert.Contains(production.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("PublicBaseUrl is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_development_aud_is_PublicBaseUrl_whatever_the_Host_header()
    {
        await using var production = Host(new() { ["Hepatica:CdsHooks:PublicBaseUrl"] = "https://cds.example.org/" }, environment: "Production");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(production, Token(audience: "http://other.example" + Service), hostHeader: "other.example")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(production, Token(audience: "https://cds.example.org" + Service), hostHeader: "other.example")).Status);
    }

    [Fact]
    public async Task Outside_development_without_configuration_the_host_starts_and_api_works()
    {
        // README's one-command start: no settings at all, Production; /api answers, /cds-services refuses.
        await using var plain = new CdsHost([]) { Environment = "Production" };
        using var client = plain.CreateClient();
        var scores = await client.GetAsync(new Uri("/api/scores", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, scores.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(plain, Token())).Status);
    }

    [Fact]
    public async Task Jwks_url_answer_over_MaxJwksBytes_gives_no_keys_401()
    {
        // The JWKS is served by a loopback server the issuer's JwksUrl names; padded past the limit it is not read at all.
        await using var jwks = await LocalFhirServer.Start();
        jwks.Bodies["jwks.json"] = File.ReadAllText(jwksFile) + new string(' ', 2000);
        var settings = new Dictionary<string, string?>
        {
            ["Hepatica:CdsHooks:Issuers:0:Issuer"] = Issuer,
            ["Hepatica:CdsHooks:Issuers:0:JwksUrl"] = jwks.BaseUrl + "jwks.json",
        };
        await using (var fits = new CdsHost(settings))
        {
            Assert.Equal(HttpStatusCode.OK, (await Call(fits, Token())).Status);
        }

        settings["Hepatica:CdsHooks:MaxJwksBytes"] = "1000";
        await using var small = new CdsHost(settings);
        var (status, body) = await Call(small, Token());
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("unknown key", body, StringComparison.Ordinal);
        Assert.Contains(small.Logs.Entries, e => e.Message.Contains("MaxJwksBytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jwks_url_unreachable_401_logged_once_without_a_stack_trace()
    {
        // Nothing listens on the JWKS port: the token's key cannot be known (401), and the cache says so once, with the
        // reason; IHttpClientFactory's default loggers (one entry per failed request, with the exception) are off.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var unreachable = new CdsHost(new()
        {
            ["Hepatica:CdsHooks:Issuers:0:Issuer"] = Issuer,
            ["Hepatica:CdsHooks:Issuers:0:JwksUrl"] = $"http://127.0.0.1:{port}/jwks.json",
        });

        var (status, _) = await Call(unreachable, Token());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(unreachable.Logs.Entries, e => e.Category.EndsWith("JwksCache", StringComparison.Ordinal));
        Assert.All(unreachable.Logs.Entries, e => Assert.Null(e.Exception));
    }
}
