using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hepatica.Web.CdsHooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>The web host with CDS Hooks settings for one test, at a fixed instant (the fixtures are dated November 2026).</summary>
internal sealed class CdsHost : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> settings;

    public CdsHost(Dictionary<string, string?>? settings = null)
    {
        this.settings = settings ?? new() { ["Hepatica:CdsHooks:RequireJwt"] = "false" };
    }

    /// <summary>
    /// The host with JWT checking off and <paramref name="fhir"/> in AllowedFhirServers: by default no FHIR server is
    /// fetched from, so every test that wants a fetch names its loopback server explicitly.
    /// </summary>
    public static CdsHost Fetching(Uri fhir, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Hepatica:CdsHooks:RequireJwt"] = "false", ["Hepatica:CdsHooks:AllowedFhirServers:0"] = fhir.AbsoluteUri };
        foreach (var (k, v) in more ?? [])
        {
            settings[k] = v;
        }

        return new CdsHost(settings);
    }

    public FixedClock Clock { get; } = new(Now);

    /// <summary>The hosting environment; WebApplicationFactory's default is Development.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Every log entry the host wrote.</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public FeedbackStore Feedback => Services.GetRequiredService<FeedbackStore>();

    public async Task<HttpResponseMessage> Post(string path, string body, string? bearer = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> PostJson(string path, string body, string? bearer = null)
    {
        var response = await Post(path, body, bearer);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}

/// <summary>
/// A small FHIR server on loopback: answers GET {type}?... with the Bundle registered for that resource type (or a
/// read {type}/{id} with the resource), and records each request's path and Authorization header.
/// </summary>
internal sealed class LocalFhirServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalFhirServer(WebApplication app) => this.app = app;

    public Dictionary<string, string> Bodies { get; } = new(StringComparer.Ordinal);

    public List<(string PathAndQuery, string? Authorization)> Requests { get; } = [];

    /// <summary>TCP connections accepted: a refused server must show 0 (the check happens before any socket is opened).</summary>
    public int Connections => Volatile.Read(ref connections);

    private int connections;

    public int FailWith { get; set; }

    /// <summary>When set, every request is answered 302 with this Location.</summary>
    public Uri? RedirectTo { get; set; }

    /// <summary>Send answers chunked, without Content-Length (the size is known only by reading).</summary>
    public bool Chunked { get; set; }

    public Uri BaseUrl => new(app.Urls.First() + "/fhir/");

    public int Port => BaseUrl.Port;

    public static async Task<LocalFhirServer> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        LocalFhirServer? server = null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Use(next => connection =>
        {
            Interlocked.Increment(ref server!.connections);
            return next(connection);
        })));
        var app = builder.Build();
        server = new LocalFhirServer(app);
        app.MapGet("/fhir/{**path}", async (HttpContext http, string path) =>
        {
            lock (server.Requests)
            {
                server.Requests.Add((http.Request.Path + http.Request.QueryString, http.Request.Headers.Authorization.FirstOrDefault()));
            }

            if (server.RedirectTo is { } to)
            {
                http.Response.Redirect(new Uri(to, path.Split('/')[0] + http.Request.QueryString).AbsoluteUri);
                return;
            }

            if (server.FailWith != 0)
            {
                http.Response.StatusCode = server.FailWith;
                return;
            }

            var type = path.Split('/')[0];
            var body = server.Bodies.TryGetValue(type, out var b) ? b : """{"resourceType":"Bundle","type":"searchset","total":0}""";
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Response.ContentType = "application/fhir+json";
            if (!server.Chunked)
            {
                http.Response.ContentLength = bytes.Length;
            }

            await http.Response.Body.WriteAsync(bytes);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>CDS Hooks request bodies built from the samples and fixtures.</summary>
internal static class Requests
{
    public static string Sample(string name) => File.ReadAllText(Path.Combine(RepoRoot.SharedData("fhir-samples", "cds-hooks-examples"), name));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CdsHooks", "Fixtures", name));

    /// <summary>A patient-view request whose prefetch holds every key of the service, from a FHIR Bundle of one patient.</summary>
    public static JsonObject PatientView(string bundleJson, params JsonObject[] medicationRequests)
    {
        var bundle = JsonNode.Parse(bundleJson)!.AsObject();
        var entries = bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).ToList();
        var patient = entries.Single(r => (string?)r["resourceType"] == "Patient");
        var prefetch = new JsonObject { ["Patient"] = patient.DeepClone() };
        foreach (var type in (string[])["Condition", "Observation", "Procedure", "Immunization", "MedicationRequest"])
        {
            var of = entries.Where(r => (string?)r["resourceType"] == type).Select(r => (JsonNode)r.DeepClone()).ToList();
            if (type == "MedicationRequest")
            {
                of.AddRange(medicationRequests.Select(m => (JsonNode)m.DeepClone()));
            }

            prefetch[type] = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "searchset",
                ["entry"] = new JsonArray([.. of.Select(r => (JsonNode)new JsonObject { ["resource"] = r })]),
            };
        }

        return new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = (string?)patient["id"] },
            ["prefetch"] = prefetch,
        };
    }

    /// <summary>An order-select request selecting the given draft MedicationRequests, with the serology of a Bundle (or none).</summary>
    public static JsonObject OrderSelect(string? bundleJson, string patientId, params JsonObject[] drafts)
    {
        var request = bundleJson is null
            ? new JsonObject { ["prefetch"] = new JsonObject { ["Patient"] = new JsonObject { ["resourceType"] = "Patient", ["id"] = patientId, ["gender"] = "female", ["birthDate"] = "1970-01-01" }, ["Observation"] = null } }
            : PatientView(bundleJson);
        var prefetch = request["prefetch"]!.AsObject();
        foreach (var key in (string[])["Condition", "Procedure", "Immunization", "MedicationRequest"])
        {
            prefetch.Remove(key);
        }

        request["hook"] = "order-select";
        request["hookInstance"] = "5c2a7d0e-3b4f-4c55-9a0e-0b1f6a7f1e01";
        request["context"] = new JsonObject
        {
            ["userId"] = "Practitioner/example",
            ["patientId"] = patientId,
            ["selections"] = new JsonArray([.. drafts.Select(d => (JsonNode)("MedicationRequest/" + (string?)d["id"]))]),
            ["draftOrders"] = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "collection",
                ["entry"] = new JsonArray([.. drafts.Select(d => (JsonNode)new JsonObject { ["resource"] = d.DeepClone() })]),
            },
        };
        return request;
    }

    /// <summary>A draft MedicationRequest for one coded drug.</summary>
    public static JsonObject Draft(string id, string patientId, string system, string code, string display, string status = "draft") => new()
    {
        ["resourceType"] = "MedicationRequest",
        ["id"] = id,
        ["status"] = status,
        ["intent"] = "order",
        ["medicationCodeableConcept"] = new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code, ["display"] = display }),
        },
        ["subject"] = new JsonObject { ["reference"] = "Patient/" + patientId },
    };

    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>Rituximab by its RxNorm ingredient code (src/Hepatica.Clinical/Immunity/MedicationClasses.cs: verified, CPIC).</summary>
    public static JsonObject Rituximab(string patientId, string status = "draft") => Draft("rx-rituximab", patientId, RxNorm, "121191", "rituximab", status);

    public static string Json(JsonNode node) => node.ToJsonString();
}

/// <summary>Reads a JSON response for assertions.</summary>
internal static class Json
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<JsonObject> Cards(JsonNode? body) => body!["cards"]!.AsArray().Select(c => c!.AsObject());
}

/// <summary>A logger provider that keeps every entry (category, level, message, exception) for assertions.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly List<(string Category, LogLevel Level, string Message, Exception? Exception)> entries = [];

    public IReadOnlyList<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (capture.entries)
            {
                capture.entries.Add((category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
