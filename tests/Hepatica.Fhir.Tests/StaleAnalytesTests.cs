using System.Globalization;
using System.Text.Json;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir.Tests;

/// <summary>FHR024: the analytes left out as too old, said once with the newest date of each and the as-of that would use them.</summary>
public sealed class StaleAnalytesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> SyntheaFiles() => FhirSnapshotReaderTests.SyntheaBundles();

    private static byte[] Synthea(string file) => File.ReadAllBytes(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles", file));

    /// <summary>
    /// Straight from the JSON, not from the reader: for each analyte of the reader's tables (in table order), the UTC date of
    /// its newest final, amended or corrected Observation with an <c>effectiveDateTime</c> at or before <paramref name="asOf"/>.
    /// </summary>
    private static List<(string Analyte, int WindowDays, DateTimeOffset Newest)> NewestByAnalyte(byte[] bundle, DateTimeOffset asOf)
    {
        var rules = LabCodes.Rules.Select(r => (r.Analyte, r.WindowDays, Codes: r.Codes.Select(c => c.Loinc).ToHashSet()))
            .Concat(SerologyCodes.Rules.Select(r => (r.Analyte, r.WindowDays, Codes: r.Codes.ToHashSet())))
            .Append((VitalSignCodes.MeanArterialPressure.Analyte, VitalSignCodes.MeanArterialPressure.WindowDays, Codes: new HashSet<string> { VitalSignCodes.MeanArterialPressure.Code.Loinc }))
            .ToList();
        var times = new List<(string Code, DateTimeOffset Time)>();
        using var doc = JsonDocument.Parse(bundle);
        foreach (var r in doc.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")))
        {
            if (r.GetProperty("resourceType").GetString() != "Observation"
                || r.GetProperty("status").GetString() is not ("final" or "amended" or "corrected")
                || !r.TryGetProperty("effectiveDateTime", out var when))
            {
                continue;
            }

            var time = DateTimeOffset.Parse(when.GetString()!, CultureInfo.InvariantCulture);
            foreach (var coding in r.GetProperty("code").GetProperty("coding").EnumerateArray())
            {
                if (coding.GetProperty("system").GetString() == "http://loinc.org" && time <= asOf)
                {
                    times.Add((coding.GetProperty("code").GetString()!, time));
                }
            }
        }

        return [.. rules
            .Select(rule => (rule.Analyte, rule.WindowDays, Times: times.Where(t => rule.Codes.Contains(t.Code)).Select(t => t.Time).ToList()))
            .Where(x => x.Times.Count > 0)
            .Select(x => (x.Analyte, x.WindowDays, x.Times.Max()))];
    }

    private static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(SyntheaFiles))]
    public void Read_SyntheaAsOfNow_OneIssueNamingTheNewestDateOfEachAnalyte(string file)
    {
        var bytes = Synthea(file);
        var stale = NewestByAnalyte(bytes, Now).Where(x => x.Newest < Now.AddDays(-x.WindowDays)).ToList();
        Assert.NotEmpty(stale); // Synthea's labs are years old

        var result = FhirSnapshotReader.Read(bytes, Now);

        var issue = Assert.Single(result.Issues, i => i.Code == FhirIssueCodes.StaleAnalytes);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        var newest = Day(stale.Max(x => x.Newest));
        Assert.Contains("newest " + string.Join(", ", stale.Select(x => $"{x.Analyte} {Day(x.Newest)}")) + " (UTC).", issue.Message, StringComparison.Ordinal);
        Assert.Contains($"To assess the record as it stood on {newest}: --as-of {newest} (CLI), ?asOf={newest} (API).", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("would not be known then", issue.Message, StringComparison.Ordinal); // nothing is used as of now
        Assert.Equal(DateOnly.ParseExact(newest, "yyyy-MM-dd", CultureInfo.InvariantCulture), result.SuggestedAsOf);

        // The per-lab warnings stay, one per analyte left out.
        Assert.Equal(stale.Count, result.Issues.Count(i => i.Code == FhirIssueCodes.OutsideWindow));
    }

    [Theory]
    [MemberData(nameof(SyntheaFiles))]
    public void Read_SyntheaAsOfTheSuggestedDate_TheNewestValuesAreUsedAndNotNamedAgain(string file)
    {
        var bytes = Synthea(file);
        var suggested = FhirSnapshotReader.Read(bytes, Now).SuggestedAsOf!.Value;
        var asOf = new DateTimeOffset(suggested.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero); // as --as-of YYYY-MM-DD reads it (AsOfText)
        var stillStale = NewestByAnalyte(bytes, asOf).Where(x => x.Newest < asOf.AddDays(-x.WindowDays)).ToList();

        var result = FhirSnapshotReader.Read(bytes, asOf);

        if (stillStale.Count == 0)
        {
            Assert.DoesNotContain(result.Issues, i => i.Code == FhirIssueCodes.StaleAnalytes);
            Assert.Null(result.SuggestedAsOf);
        }
        else
        {
            // Some analyte was last measured long before the others: only those are named, with an earlier date.
            var issue = Assert.Single(result.Issues, i => i.Code == FhirIssueCodes.StaleAnalytes);
            Assert.Contains("newest " + string.Join(", ", stillStale.Select(x => $"{x.Analyte} {Day(x.Newest)}")) + " (UTC).", issue.Message, StringComparison.Ordinal);
            Assert.True(result.SuggestedAsOf < suggested);
            Assert.Contains("used here", issue.Message, StringComparison.Ordinal); // going back further loses what this date gave
        }
    }

    [Fact]
    public void Read_SyntheaAsOfTheSuggestedDate_AtLeastOneBundleHasEveryAnalyteInItsWindow()
    {
        var clean = FhirSnapshotReaderTests.SyntheaBundles().Select(row => (string)row.Data).Count(file =>
        {
            var bytes = Synthea(file);
            var suggested = FhirSnapshotReader.Read(bytes, Now).SuggestedAsOf!.Value;
            var result = FhirSnapshotReader.Read(bytes, new DateTimeOffset(suggested.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero));
            return result.Issues.All(i => i.Code != FhirIssueCodes.StaleAnalytes) && result.Snapshot!.Labs.Creatinine is not null;
        });

        Assert.True(clean > 0);
    }

    [Fact]
    public void Read_OneAnalyteStaleAmongFresh_NamesOnlyThatAnalyte()
    {
        var json = Bundles.With(
            Bundles.Obs("cr", "2160-0", 1.1m, "mg/dL", "2026-11-18T08:00:00Z"),
            Bundles.Obs("bili", "1975-2", 0.9m, "mg/dL", "2026-11-18T08:00:00Z"),
            Bundles.Obs("inr-old", "6301-6", 1.2m, "{INR}", "2026-08-02T08:00:00Z"),
            Bundles.Obs("inr-older", "6301-6", 1.3m, "{INR}", "2025-01-02T08:00:00Z"));

        var result = FhirSnapshotReader.Read(json, Now);

        var issue = Assert.Single(result.Issues, i => i.Code == FhirIssueCodes.StaleAnalytes);
        Assert.Equal("1 analyte was left out as older than its window (FHR013): newest INR 2026-08-02 (UTC). "
            + "To assess the record as it stood on 2026-08-02: --as-of 2026-08-02 (CLI), ?asOf=2026-08-02 (API). "
            + "The total bilirubin, creatinine used here are from after that date and would not be known then.", issue.Message);
        Assert.Equal(new DateOnly(2026, 8, 2), result.SuggestedAsOf);
        Assert.NotNull(result.Snapshot!.Labs.Creatinine);
        Assert.Single(result.Issues, i => i.Code == FhirIssueCodes.OutsideWindow);
    }

    [Fact]
    public void Read_NothingStale_NoIssue()
    {
        var result = FhirSnapshotReader.Read(Bundles.With(Bundles.Obs("cr", "2160-0", 1.1m, "mg/dL", "2026-11-18T08:00:00Z")), Now);

        Assert.DoesNotContain(result.Issues, i => i.Code == FhirIssueCodes.StaleAnalytes);
        Assert.Null(result.SuggestedAsOf);
    }

    [Fact]
    public void Read_StaleValueLateInTheDayWestOfUtc_DateIsTheUtcDay()
    {
        // 2026-09-01T22:00-05:00 is 2026-09-02T03:00Z: --as-of 2026-09-01 (the end of that day in UTC) would not yet know it.
        var result = FhirSnapshotReader.Read(Bundles.With(Bundles.Obs("cr", "2160-0", 1.1m, "mg/dL", "2026-09-01T22:00:00-05:00")), Now);

        var issue = Assert.Single(result.Issues, i => i.Code == FhirIssueCodes.StaleAnalytes);
        Assert.Contains("newest creatinine 2026-09-02 (UTC)", issue.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 9, 2), result.SuggestedAsOf);
        Assert.NotNull(FhirSnapshotReader.Read(Bundles.With(Bundles.Obs("cr", "2160-0", 1.1m, "mg/dL", "2026-09-01T22:00:00-05:00")),
            new DateTimeOffset(result.SuggestedAsOf!.Value.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero)).Snapshot!.Labs.Creatinine);
    }
}
