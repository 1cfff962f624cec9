using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Hepatica.Web.CdsHooks;
using Microsoft.Extensions.Logging;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// A 412 is an expected answer (issue 16): its body names every missing prefetch key, each with why it could not be
/// fetched, and the host logs it as one line without an exception. The shipped sample requests all lack keys of the
/// patient-view service and name <c>http://example.org</c> as fhirServer, so they are the cases: as shipped (the server
/// not allowed, the default), and with fhirServer allowed but unreachable (a closed loopback port).
/// </summary>
public sealed class PreconditionFailedTests
{
    private const string Path = "/cds-services/hepatica-patient-view";

    public static TheoryData<string> Samples => new(Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "cds-hooks-examples"), "*.json")
        .Select(System.IO.Path.GetFileName).Where(f => f != "feedback.json").Order(StringComparer.Ordinal)!); // feedback.json is a feedback post

    /// <summary>The service's keys the sample does not prefetch, in discovery order.</summary>
    private static string[] MissingKeys(JsonNode sample) =>
        [.. CdsServices.PatientView.Prefetch.Keys.Where(k => sample["prefetch"]?.AsObject().ContainsKey(k) != true)];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task SampleRequest_FhirServerNotAllowed_412NamesEveryMissingKeyAndTheSetting(string file)
    {
        var sample = JsonNode.Parse(Requests.Sample(file))!;
        await using var host = new CdsHost(); // the defaults: AllowedFhirServers empty

        var (response, body) = await host.PostJson(Path, sample.ToJsonString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var missing = MissingKeys(sample);
        Assert.NotEmpty(missing);
        Assert.Equal(missing, body!["missingPrefetch"]!.AsArray().Select(k => (string)k!));
        Assert.All(missing, k => Assert.Contains(k, (string?)body["detail"], StringComparison.Ordinal));
        var issues = body["issues"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(missing.Select(k => ("CDS006", "error", "prefetch." + k)), issues.Select(i => ((string)i["code"]!, (string)i["severity"]!, (string)i["path"]!)));
        Assert.All(issues, i => Assert.Contains("is not under Hepatica:CdsHooks:AllowedFhirServers, which is empty", (string)i["message"]!, StringComparison.Ordinal));
        Assert.Equal("http://example.org/", (string?)body["fhirServer"]!["url"]);
        Assert.False((bool)body["fhirServer"]!["fetchAllowed"]!);
        Assert.Equal("Immunization?patient=" + (string)sample["context"]!["patientId"]!, (string?)body["prefetchQueries"]!["Immunization"]); // missing in every sample
        AssertOneLineWithoutException(host, LogLevel.Warning); // the host's settings are the cause: a warning, for the operator
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task SampleRequest_FhirServerUnreachable_412SaysTheFetchFailedAndLogsNoException(string file)
    {
        var closed = ClosedLoopbackServer();
        var sample = JsonNode.Parse(Requests.Sample(file))!;
        sample["fhirServer"] = closed.AbsoluteUri;
        await using var host = CdsHost.Fetching(closed);

        var (response, body) = await host.PostJson(Path, sample.ToJsonString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var missing = MissingKeys(sample);
        Assert.Equal(missing, body!["missingPrefetch"]!.AsArray().Select(k => (string)k!));
        Assert.True((bool)body["fhirServer"]!["fetchAllowed"]!);
        var messages = body["issues"]!.AsArray().Select(i => (string)i!["message"]!).ToList();
        Assert.Equal(missing.Length, messages.Count);
        Assert.All(missing.Zip(messages), m => Assert.StartsWith($"prefetch.{m.First}: not in prefetch, and fetching {closed}{m.First}", m.Second, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Contains(" failed: ", m, StringComparison.Ordinal));
        AssertOneLineWithoutException(host, LogLevel.Information); // the client's server is the cause
    }

    [Fact]
    public async Task FhirServerError_412NamesTheStatus()
    {
        await using var fhir = await LocalFhirServer.Start();
        fhir.FailWith = 503;
        var request = Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"));
        request["prefetch"]!.AsObject().Remove("Procedure");
        request["fhirServer"] = fhir.BaseUrl.AbsoluteUri;
        await using var host = CdsHost.Fetching(fhir.BaseUrl);

        var (response, body) = await host.PostJson(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(["Procedure"], body!["missingPrefetch"]!.AsArray().Select(k => (string)k!));
        Assert.Equal("Procedure?patient=hbv-1", (string?)body["prefetchQueries"]!["Procedure"]);
        Assert.EndsWith("failed: HTTP 503", (string)body["issues"]![0]!["message"]!, StringComparison.Ordinal);
        AssertOneLineWithoutException(host, LogLevel.Information);
    }

    [Fact]
    public async Task MissingKeyWithoutFhirServer_412SaysNoServerIsNamed()
    {
        var request = Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"));
        request["prefetch"]!.AsObject().Remove("Condition");
        await using var host = new CdsHost();

        var (response, body) = await host.PostJson(Path, Requests.Json(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("prefetch.Condition: not in prefetch, and the request names no fhirServer to fetch it from", (string?)body!["issues"]![0]!["message"]);
        Assert.Null(body["fhirServer"]);
        AssertOneLineWithoutException(host, LogLevel.Information);
    }

    /// <summary>
    /// No entry carries an exception (at Warning or above, nor below), and the 412 is one line of the CDS Hooks category
    /// at <paramref name="level"/> naming the service.
    /// </summary>
    private static void AssertOneLineWithoutException(CdsHost host, LogLevel level)
    {
        var entries = host.Logs.Entries;
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning && e.Exception is not null);
        Assert.DoesNotContain(entries, e => e.Exception is not null);
        var line = Assert.Single(entries, e => e.Category == typeof(CdsHooksApi).FullName && e.Message.Contains("412", StringComparison.Ordinal));
        Assert.Equal(level, line.Level);
        Assert.Contains(CdsServices.PatientViewId, line.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback base URL where nothing listens: the port was free a moment ago, so a connection is refused.</summary>
    private static Uri ClosedLoopbackServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/fhir/");
    }
}
