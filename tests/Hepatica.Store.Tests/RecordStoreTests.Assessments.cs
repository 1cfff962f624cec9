using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hepatica.Store.Database;

namespace Hepatica.Store.Tests;

/// <summary>The timeline read without its assessments, one assessment read on its own, and their compressed storage (schema v2).</summary>
public sealed partial class RecordStoreTests
{
    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task TimelineAsync_WithoutAssessments_IsTheSameTimelineWithNullAssessments(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(
            TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 12),
            TestRecord.Lab("p1", "o2", "1", TestRecord.T0.AddDays(3), 24),
            TestRecord.Lab("p1", "o3", "1", TestRecord.T0.AddDays(9), 31)), Ct);

        var full = (await store.TimelineAsync("p1", withAssessments: true, Ct))!;
        var summary = (await store.TimelineAsync("p1", withAssessments: false, Ct))!;

        Assert.Equal(3, summary.Entries.Count);
        Assert.All(summary.Entries, e => Assert.Null(e.AssessmentJson));
        Assert.All(full.Entries, e => Assert.NotNull(e.AssessmentJson));
        Assert.Equal(full.Entries.Select(e => e.AsOf), summary.Entries.Select(e => e.AsOf));
        Assert.Equal(full.Entries.Select(e => e.Receipt.OutputSha256), summary.Entries.Select(e => e.Receipt.OutputSha256));
        Assert.Equal(full.Entries.Select(e => string.Join(",", e.Receipt.ArrivalIds)), summary.Entries.Select(e => string.Join(",", e.Receipt.ArrivalIds)));
        Assert.Equal(full.Entries.Select(e => e.Inputs.Single()), summary.Entries.Select(e => e.Inputs.Single()));
        Assert.Equal(full.Entries.Select(e => e.Point.Values[Hepatica.Clinical.Course.CourseValues.Meld3]), summary.Entries.Select(e => e.Point.Values[Hepatica.Clinical.Course.CourseValues.Meld3]));
        Assert.Equal(full.Report.Alerts, summary.Report.Alerts);
        Assert.Null(await store.TimelineAsync("nobody", withAssessments: false, Ct));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task AssessmentAsync_EachEntry_IsItsTextByteForByteMatchingTheReceipt(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(
            TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 12),
            TestRecord.Lab("p1", "o2", "1", TestRecord.T0.AddDays(3), 24)), Ct);
        var full = (await store.TimelineAsync("p1", Ct))!;

        foreach (var entry in full.Entries)
        {
            var json = await store.AssessmentAsync("p1", entry.AsOf, Ct);
            Assert.Equal(entry.AssessmentJson, json);
            Assert.Equal(entry.Receipt.OutputSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json!))));
        }

        // The same instant in another offset is the same entry; a second later, another patient: none.
        Assert.Equal(full.Entries[0].AssessmentJson, await store.AssessmentAsync("p1", TestRecord.T0.ToOffset(TimeSpan.FromHours(2)), Ct));
        Assert.Null(await store.AssessmentAsync("p1", TestRecord.T0.AddSeconds(1), Ct));
        Assert.Null(await store.AssessmentAsync("p2", TestRecord.T0, Ct));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task IngestAsync_StoresEveryAssessmentCompressedOnly(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        await using var store = await record.OpenAsync();
        await store.IngestAsync(TestRecord.Batch(TestRecord.Lab("p1", "o1", "1", TestRecord.T0, 12), TestRecord.Lab("p1", "o2", "1", TestRecord.T0.AddDays(1), 14)), Ct);

        Assert.Equal(2, await record.CountAsync("SELECT COUNT(*) FROM assessments WHERE assessment_br IS NOT NULL"));
        Assert.Equal(0, await record.CountAsync("SELECT COUNT(*) FROM assessments WHERE assessment_json IS NOT NULL"));
    }

    [Theory]
    [MemberData(nameof(TestRecord.Providers), MemberType = typeof(TestRecord))]
    public async Task OpenAsync_SchemaV1Database_MigratesAndCompressesItsAssessmentsKeepingTheirText(string provider)
    {
        await using var record = await TestRecord.CreateAsync(provider);
        var v1 = Migrations.Available(provider == "sqlite" ? "sqlite" : "postgresql").Single(m => m.Version == 1).Sql;
        const string Current = """{"patient":"p1","asOf":"2026-01-01T08:00:00Z","meld3":12,"note":"v1 row, é — non-ASCII kept"}""";
        const string Older = """{"patient":"p1","asOf":"2026-01-01T08:00:00Z","meld3":11}""";
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Current)));
        const string At = "2026-01-01T08:00:00.0000000Z";
        await record.ExecuteAsync(
            "CREATE TABLE schema_version (version integer PRIMARY KEY, applied_at text NOT NULL, engine_version text NOT NULL);\n" +
            "INSERT INTO schema_version (version, applied_at, engine_version) VALUES (1, '2026-01-01T00:00:00Z', 'v1');\n" +
            v1 + "\n" +
            $"INSERT INTO patients (id, created_at) VALUES ('p1', '{At}');\n" +
            "INSERT INTO assessments (patient_id, as_of, engine_version, profile, arrival_ids, output_sha256, assessment_json, inputs_json, point_json, is_current, made_at) VALUES " +
            $"('p1', '{At}', 'v1', 'us', '[1]', 'old', '{Older}', '[]', '{Point}', FALSE, '{At}'), " +
            $"('p1', '{At}', 'v1', 'us', '[1]', '{sha}', '{Current}', '[]', '{Point}', TRUE, '{At}');");

        await using var store = await record.OpenAsync();

        Assert.Equal(Migrations.Known, await record.CountAsync("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(0, await record.CountAsync("SELECT COUNT(*) FROM assessments WHERE assessment_json IS NOT NULL"));
        Assert.Equal(2, await record.CountAsync("SELECT COUNT(*) FROM assessments WHERE assessment_br IS NOT NULL"));
        var entry = Assert.Single((await store.TimelineAsync("p1", Ct))!.Entries);
        Assert.Equal(Current, entry.AssessmentJson);
        Assert.Equal(sha, entry.Receipt.OutputSha256);
        Assert.Equal(12m, entry.Point.Values[Hepatica.Clinical.Course.CourseValues.Meld3]);
        Assert.Equal(Current, await store.AssessmentAsync("p1", TestRecord.T0, Ct));
    }

    private static string Point => string.Create(CultureInfo.InvariantCulture, $$$"""{"at":"2026-01-01T08:00:00Z","values":{"{{{Hepatica.Clinical.Course.CourseValues.Meld3}}}":12},"facts":[],"evidence":{}}""");
}
