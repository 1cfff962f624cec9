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

    private string Token(string audience = Audience, string issuer = Issuer, ECDsa? key = null, string kid = "ehr-key-1", DateTimeOffset? expires = null, string? jti = null, IDictionary<string, object>? header = null)
    {
        var now = CdsHost.Now;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (expires ?? now.AddMinutes(5)).UtcDateTime,
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

    private async Task<(HttpStatusCode Status, string Body)> Call(string? token)
    {
        var response = await host.Post(Service, Requests.Json(Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"))), token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
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
}
