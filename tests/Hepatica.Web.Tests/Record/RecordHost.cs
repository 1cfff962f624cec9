using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Hepatica.Web.Tests.CdsHooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hepatica.Web.Tests.Record;

/// <summary>
/// The web host on its own SQLite record in a temp folder (a real file), with settings for one test and its log
/// captured. The folder is deleted when the host is disposed.
/// </summary>
internal sealed class RecordHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string folder;

    public RecordHost(Dictionary<string, string?>? settings = null)
    {
        folder = Directory.CreateTempSubdirectory("hepatica-web-record-").FullName;
        this.settings = new Dictionary<string, string?>
        {
            ["Hepatica:Store"] = Path.Combine(folder, "hepatica.db"),
            ["Hepatica:CdsHooks:RequireJwt"] = "false",
        };
        foreach (var (k, v) in settings ?? [])
        {
            this.settings[k] = v;
        }
    }

    public LogCapture Logs { get; } = new();

    /// <summary>The host's clock: the instant the CDS Hooks fixtures are read at, so cards compare with <see cref="CdsHost"/>'s.</summary>
    public FixedClock Clock { get; } = new(CdsHost.Now);

    /// <summary>The SQLite file of this host's record.</summary>
    public string StorePath => settings["Hepatica:Store"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>Inputs for the record's tests: snapshots and FHIR resources of known content, and small request helpers.</summary>
internal static class RecordInputs
{
    /// <summary>
    /// The demo snapshot (samples/demo-001.json: bilirubin 2.1 mg/dL, creatinine 150 µmol/L, INR 1.8, sodium 131,
    /// albumin 28 g/L, female, 54, cirrhosis, no referral recorded) under another id and date, bilirubin as given.
    /// </summary>
    public static string Snapshot(string id, string date = "2026-11-09", decimal bilirubin = 2.1m)
    {
        var node = JsonNode.Parse(File.ReadAllText(Api.Demo))!.AsObject();
        node["id"] = id;
        node["assessmentDate"] = date;
        node["labs"]!["bilirubin"] = new JsonObject { ["value"] = bilirubin, ["unit"] = "mg/dL", ["date"] = date };
        node.Remove("series");
        return node.ToJsonString();
    }

    /// <summary>The cirrhosis fixture Bundle (patient cirrhosis-1: MELD 3.0 35, cirrhosis, no referral).</summary>
    public static string CirrhosisBundle() => File.ReadAllText(Api.Cirrhosis);

    /// <summary>A creatinine Observation (LOINC 2160-0, mg/dL) of a patient.</summary>
    public static string Creatinine(string patient, string id, DateTimeOffset at, decimal mgPerDl, string? version = null)
    {
        var o = Observation(patient, id, at, mgPerDl);
        if (version is not null)
        {
            o["meta"] = new JsonObject { ["versionId"] = version };
        }

        return o.ToJsonString();
    }

    private static JsonObject Observation(string patient, string id, DateTimeOffset at, decimal mgPerDl) => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = id,
        ["status"] = "final",
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "2160-0" }) },
        ["subject"] = new JsonObject { ["reference"] = "Patient/" + patient },
        ["effectiveDateTime"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["valueQuantity"] = new JsonObject { ["value"] = mgPerDl, ["unit"] = "mg/dL", ["system"] = "http://unitsofmeasure.org", ["code"] = "mg/dL" },
    };

    public static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string? body = null, string contentType = Api.AppJson, (string Name, string Value)? header = null)
    {
        using var request = new HttpRequestMessage(method, Api.Url(url));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        return await client.SendAsync(request, Api.Ct);
    }

    public static async Task<JsonNode> Node(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(Api.Ct))!;
}

/// <summary>
/// Every host the tests start without naming a store (the CDS Hooks and API tests) gets its record in a temp folder of
/// this test run, never the user's data folder: <c>HEPATICA_DATA</c> is set once, before any host starts.
/// </summary>
internal static class TestDataFolder
{
    [ModuleInitializer]
    internal static void Set()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HEPATICA_DATA")))
        {
            Environment.SetEnvironmentVariable("HEPATICA_DATA", Directory.CreateTempSubdirectory("hepatica-web-tests-").FullName);
        }
    }
}
