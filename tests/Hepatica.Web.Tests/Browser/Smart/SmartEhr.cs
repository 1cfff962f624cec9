using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hepatica.Web.Tests.Browser.Smart;

/// <summary>
/// A test EHR on loopback that follows SMART App Launch 2.x (https://hl7.org/fhir/smart-app-launch/): discovery at
/// <c>{fhir}/.well-known/smart-configuration</c>, an authorization endpoint that checks client_id, redirect_uri, aud,
/// the launch token, scope and the PKCE S256 challenge and approves at once (no login page), a token endpoint that checks
/// the code and its verifier and answers the access token with the patient context and an id_token naming the user, and
/// a FHIR server for one patient (a Synthea record, its urn:uuid references turned into Type/id as a server stores them)
/// that requires the bearer token and answers CORS for the app's origin. It records what it was asked and what was posted.
/// </summary>
internal sealed class SmartEhr : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Dictionary<string, List<JsonObject>> byType = [];
    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri, string Scope, string? Launch)> codes = new();
    private readonly string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private SmartEhr(WebApplication app, string patientId)
    {
        this.app = app;
        PatientId = patientId;
    }

    /// <summary>The patient's id at this EHR.</summary>
    public string PatientId { get; }

    /// <summary>The app's origin (http://127.0.0.1:PORT), the only one CORS allows and redirect_uri may name; set once the app runs.</summary>
    public string AppOrigin { get; set; } = "";

    /// <summary>The client id the EHR registered the app under.</summary>
    public string ClientId { get; } = "hepatica";

    /// <summary>The EHR launch token the EHR passes in <c>launch</c>.</summary>
    public string LaunchToken { get; } = "launch-" + Guid.NewGuid().ToString("N");

    /// <summary>Where the EHR listens (http://127.0.0.1:PORT).</summary>
    public string Origin => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>The FHIR base URL (the <c>iss</c> and <c>aud</c>).</summary>
    public string FhirBase => Origin + "/fhir";

    /// <summary>Every request: method, path and query.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The scopes the app asked for at the authorization endpoint.</summary>
    public string? GrantedScope { get; private set; }

    /// <summary>Whether the token request's code_verifier matched the S256 challenge.</summary>
    public bool PkceVerified { get; private set; }

    /// <summary>The Bundles the app posted (write-back).</summary>
    public ConcurrentQueue<JsonObject> Posted { get; } = new();

    /// <summary>Starts the EHR with the patient of a Bundle (transaction with urn:uuid fullUrls, or a collection).</summary>
    public static async Task<SmartEhr> StartAsync(string bundlePath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var bundle = JsonNode.Parse(await File.ReadAllTextAsync(bundlePath))!.AsObject();
        var text = bundle.ToJsonString();
        foreach (var e in bundle["entry"]!.AsArray().Where(e => e!["fullUrl"] is not null))
        {
            var r = e!["resource"]!;
            text = text.Replace("\"" + e["fullUrl"]!.GetValue<string>() + "\"", $"\"{r["resourceType"]!.GetValue<string>()}/{r["id"]!.GetValue<string>()}\"", StringComparison.Ordinal);
        }

        // A live EHR's record: every instant moved by whole days so the newest is yesterday (the fixture's course kept).
        var instants = System.Text.RegularExpressions.Regex.Matches(text, "\"(\\d{4}-\\d{2}-\\d{2})T").Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (instants.Count > 0)
        {
            var shift = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).DayNumber - instants.Max().DayNumber;
            text = System.Text.RegularExpressions.Regex.Replace(text, "\"(\\d{4}-\\d{2}-\\d{2})T", m =>
                "\"" + DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).AddDays(shift).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T");
        }

        var resources = JsonNode.Parse(text)!["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).ToList();
        var patient = resources.First(r => r["resourceType"]!.GetValue<string>() == "Patient");
        var ehr = new SmartEhr(app, patient["id"]!.GetValue<string>());
        foreach (var r in resources)
        {
            var type = r["resourceType"]!.GetValue<string>();
            if (!ehr.byType.TryGetValue(type, out var list))
            {
                ehr.byType[type] = list = [];
            }

            list.Add(r);
        }

        ehr.Map();
        await app.StartAsync();
        return ehr;
    }

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            var origin = context.Request.Headers.Origin.ToString();
            if (origin == AppOrigin)
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowHeaders = "Authorization, Content-Type, Accept";
                context.Response.Headers.AccessControlAllowMethods = "GET, POST";
            }

            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            await next(context);
        });

        app.MapGet("/fhir/.well-known/smart-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = Origin,
            ["authorization_endpoint"] = Origin + "/auth/authorize",
            ["token_endpoint"] = Origin + "/auth/token",
            ["grant_types_supported"] = new JsonArray("authorization_code"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
            ["scopes_supported"] = new JsonArray("openid", "fhirUser", "launch", "launch/patient", "patient/*.rs", "patient/*.c"),
            ["response_types_supported"] = new JsonArray("code"),
            ["capabilities"] = new JsonArray("launch-ehr", "launch-standalone", "client-public", "context-ehr-patient", "context-standalone-patient", "permission-v2", "sso-openid-connect"),
        }));

        app.MapGet("/auth/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            string? Fail(string why) => why;
            var problem =
                q["response_type"] != "code" ? Fail("response_type must be code")
                : q["client_id"] != ClientId ? Fail("unknown client_id")
                : q["aud"] != FhirBase ? Fail($"aud must be {FhirBase}")
                : q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]) ? Fail("PKCE S256 is required")
                : !Uri.TryCreate(q["redirect_uri"], UriKind.Absolute, out var redirect) || redirect.GetLeftPart(UriPartial.Authority) != AppOrigin ? Fail("redirect_uri is not the app's")
                : q.ContainsKey("launch") && q["launch"] != LaunchToken ? Fail("unknown launch token")
                : !q.ContainsKey("launch") && !q["scope"].ToString().Split(' ').Contains("launch/patient") ? Fail("standalone launch needs launch/patient")
                : null;
            if (problem is not null)
            {
                return Results.BadRequest(problem);
            }

            GrantedScope = q["scope"];
            var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            codes[code] = (q["code_challenge"]!, q["redirect_uri"]!, q["scope"]!, q["launch"]);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });

        app.MapPost("/auth/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !codes.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri)
            {
                return Results.Json(new JsonObject { ["error"] = "invalid_grant" }, statusCode: 400);
            }

            var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != grant.Challenge)
            {
                return Results.Json(new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "code_verifier does not match" }, statusCode: 400);
            }

            PkceVerified = true;
            var idToken = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray()) + "." +
                Base64Url(Encoding.UTF8.GetBytes(new JsonObject { ["iss"] = Origin, ["sub"] = "clinician-1", ["aud"] = ClientId, ["fhirUser"] = FhirBase + "/Practitioner/clinician-1", ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }.ToJsonString())) + ".";
            return Results.Json(new JsonObject
            {
                ["access_token"] = token,
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["scope"] = grant.Scope,
                ["patient"] = PatientId,
                ["id_token"] = idToken,
            });
        });

        app.MapGet("/fhir/{type}/{id}", (HttpRequest request, string type, string id) =>
            !Authorized(request) ? Results.Unauthorized()
            : byType.GetValueOrDefault(type)?.FirstOrDefault(r => r["id"]!.GetValue<string>() == id) is { } found ? Fhir(found)
            : Results.NotFound());

        app.MapGet("/fhir/{type}", (HttpRequest request, string type) =>
        {
            if (!Authorized(request))
            {
                return Results.Unauthorized();
            }

            var patient = request.Query["patient"].ToString();
            var matches = (byType.GetValueOrDefault(type) ?? []).Where(r => Refers(r, "Patient/" + patient)).ToList();
            var searchset = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "searchset",
                ["total"] = matches.Count,
                ["entry"] = new JsonArray([.. matches.Select(r => (JsonNode)new JsonObject { ["fullUrl"] = $"{FhirBase}/{type}/{r["id"]}", ["resource"] = r.DeepClone(), ["search"] = new JsonObject { ["mode"] = "match" } })]),
            };
            return Fhir(searchset);
        });

        app.MapPost("/fhir", async (HttpRequest request) =>
        {
            if (!Authorized(request))
            {
                return Results.Unauthorized();
            }

            var posted = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            Posted.Enqueue(posted);
            var entries = posted["entry"]!.AsArray().Select((e, i) => (JsonNode)new JsonObject
            {
                ["response"] = new JsonObject { ["status"] = "201 Created", ["location"] = $"{e!["resource"]!["resourceType"]}/written-{i + 1}/_history/1" },
            });
            return Fhir(new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction-response", ["entry"] = new JsonArray([.. entries]) });
        });
    }

    private bool Authorized(HttpRequest request) => request.Headers.Authorization == "Bearer " + token;

    private static bool Refers(JsonObject resource, string patient) =>
        resource["subject"]?["reference"]?.GetValue<string>() == patient || resource["patient"]?["reference"]?.GetValue<string>() == patient;

    private static IResult Fhir(JsonNode node) => Results.Text(node.ToJsonString(), "application/fhir+json", Encoding.UTF8);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
