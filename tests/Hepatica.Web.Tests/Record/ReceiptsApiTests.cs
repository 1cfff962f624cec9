using System.Net;
using System.Text.Json.Nodes;

namespace Hepatica.Web.Tests.Record;

/// <summary>
/// Saved assessments (docs/web.md, "Receipts"): POST /api/receipts answers exactly what POST /api/assess?explain=true
/// answers for the same body, and GET /api/receipts/{id} gives back the body as sent and that same assessment; problems
/// save nothing; erasing the patient erases the receipt.
/// </summary>
public sealed class ReceiptsApiTests
{
    [Fact]
    public async Task Create_AnswersTheAssessOfTheSameBody_AndGetGivesItBack()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        var snapshot = await File.ReadAllTextAsync(Api.Demo, Api.Ct);

        using var assessed = await RecordInputs.Send(client, HttpMethod.Post, "/api/assess?explain=true", snapshot);
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        var expected = JsonNode.Parse(await assessed.Content.ReadAsStringAsync(Api.Ct))!;

        using var created = await RecordInputs.Send(client, HttpMethod.Post, "/api/receipts", snapshot);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = await RecordInputs.Node(created);
        var id = receipt["id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.True(JsonNode.DeepEquals(expected, receipt["assessment"]), "the receipt's assessment differs from POST /api/assess?explain=true");

        using var read = await RecordInputs.Send(client, HttpMethod.Get, "/api/receipts/" + id);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var saved = await RecordInputs.Node(read);
        Assert.Equal(snapshot, saved["input"]!.GetValue<string>());
        Assert.Equal("application/json", saved["contentType"]!.GetValue<string>());
        Assert.Null(saved["asOf"]);
        Assert.True(JsonNode.DeepEquals(expected, saved["assessment"]));
    }

    [Fact]
    public async Task Create_FhirWithAsOf_KeepsTheQuery()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        var bundle = RecordInputs.CirrhosisBundle();
        using var assessed = await RecordInputs.Send(client, HttpMethod.Post, "/api/assess?explain=true&asOf=2026-11-20", bundle, "application/fhir+json");
        var expected = JsonNode.Parse(await assessed.Content.ReadAsStringAsync(Api.Ct))!;

        using var created = await RecordInputs.Send(client, HttpMethod.Post, "/api/receipts?asOf=2026-11-20", bundle, "application/fhir+json");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await RecordInputs.Node(created))["id"]!.GetValue<string>();
        var saved = await RecordInputs.Node(await RecordInputs.Send(client, HttpMethod.Get, "/api/receipts/" + id));
        Assert.Equal("application/fhir+json", saved["contentType"]!.GetValue<string>());
        Assert.Equal("2026-11-20", saved["asOf"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(expected, saved["assessment"]));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-a-receipt")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    public async Task Get_Unknown_Is404WithApi007(string id)
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        using var response = await RecordInputs.Send(client, HttpMethod.Get, "/api/receipts/" + id);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await Api.ProblemIssues(response), i => i.Code == "API007");
    }

    [Fact]
    public async Task Create_InputWithErrors_Is422AndSavesNothing()
    {
        await using var host = new RecordHost();
        using var client = host.CreateClient();
        var mixup = await File.ReadAllTextAsync(RepoRoot.File("samples", "mixup-001.json"), Api.Ct);
        using var assessed = await RecordInputs.Send(client, HttpMethod.Post, "/api/assess", mixup);
        using var created = await RecordInputs.Send(client, HttpMethod.Post, "/api/receipts", mixup);
        Assert.Equal(assessed.StatusCode, created.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        Assert.Equal(await Api.ProblemIssues(assessed), await Api.ProblemIssues(created));
        using var open = await RecordInputs.Send(client, HttpMethod.Get, "/api/receipts/0123456789abcdef0123456789abcdef"); // opens the record
        Assert.Equal(0L, Count(host, "receipts"));
    }

    [Fact]
    public async Task ErasingThePatient_ErasesItsReceipts()
    {
        await using var host = new RecordHost(new() { ["Hepatica:Record:AllowErase"] = "true" });
        using var client = host.CreateClient();
        var snapshot = RecordInputs.Snapshot("receipt-erase-1");
        var id = (await RecordInputs.Node(await RecordInputs.Send(client, HttpMethod.Post, "/api/receipts", snapshot)))["id"]!.GetValue<string>();
        var other = (await RecordInputs.Node(await RecordInputs.Send(client, HttpMethod.Post, "/api/receipts", RecordInputs.Snapshot("receipt-erase-2"))))["id"]!.GetValue<string>();

        using var erased = await RecordInputs.Send(client, HttpMethod.Delete, "/api/record/patients/receipt-erase-1");
        Assert.True(erased.IsSuccessStatusCode, $"erase answered {(int)erased.StatusCode}");
        using var gone = await RecordInputs.Send(client, HttpMethod.Get, "/api/receipts/" + id);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var kept = await RecordInputs.Send(client, HttpMethod.Get, "/api/receipts/" + other);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task Receipts_OlderThanTheRetention_AreDeletedOnTheNextSave()
    {
        await using var host = new RecordHost(new() { ["Hepatica:Pages:ReceiptDays"] = "2" });
        using var client = host.CreateClient();
        var first = (await RecordInputs.Node(await RecordInputs.Send(client, HttpMethod.Post, "/api/receipts", RecordInputs.Snapshot("keep-1"))))["id"]!.GetValue<string>();
        host.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));
        _ = await RecordInputs.Send(client, HttpMethod.Post, "/api/receipts", RecordInputs.Snapshot("keep-2"));
        using var expired = await RecordInputs.Send(client, HttpMethod.Get, "/api/receipts/" + first);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    private static long Count(RecordHost host, string table)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + host.StorePath);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
