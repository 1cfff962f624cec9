using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// The one read path of <c>assess</c>, <c>score</c> and <c>/api</c> (docs/fhir.md): which reader, whether an as-of is
/// allowed, and the as-of an output states (docs/output.md, <c>asOfSource</c>).
/// </summary>
public sealed class InputReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static byte[] Snapshot => File.ReadAllBytes(Path.Combine(RepoRoot.Path, "samples", "demo-001.json"));

    private static byte[] Bundle => File.ReadAllBytes(RepoRoot.Fixture("cirrhosis-ascites-dialysis.json"));

    [Fact]
    public void Read_SnapshotWithoutAsOf_SnapshotContractAndItsAssessmentDate()
    {
        var read = InputReader.Read(Snapshot, null, new At(Now), "--as-of");

        Assert.False(read.IsFhir);
        Assert.Equal("demo-001", read.Snapshot!.Id);
        Assert.Empty(read.Sources);
        Assert.Equal(("2026-11-09", AsOfSource.AssessmentDate), (read.Basis!.Text, read.Basis.Source));
    }

    [Theory]
    [InlineData("--as-of")]
    [InlineData("asOf")]
    public void Read_AsOfWithSnapshot_FHR023OnTheHostsName(string name)
    {
        var read = InputReader.Read(Snapshot, "2026-11-20", new At(Now), name);

        Assert.Null(read.Snapshot);
        Assert.Null(read.Basis);
        var issue = Assert.Single(read.Issues);
        Assert.Equal((FhirIssueCodes.AsOfNotAccepted, IssueSeverity.Error, name), (issue.Code, issue.Severity, issue.Path));
        Assert.Equal($"{name} applies to FHIR input; a snapshot document gives its own assessmentDate.", issue.Message);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-11-20T08:00:00")] // a time needs its zone
    [InlineData("9999-12-31")] // outside 1900-01-01 to 2200-12-31
    public void Read_BadAsOfWithBundle_FHR023(string asOf)
    {
        var read = InputReader.Read(Bundle, asOf, new At(Now), "asOf");

        Assert.Null(read.Snapshot);
        var issue = Assert.Single(read.Issues);
        Assert.Equal((FhirIssueCodes.AsOfNotAccepted, "asOf"), (issue.Code, issue.Path));
        Assert.Equal($"'{asOf}' is not {AsOfText.Accepted}.", issue.Message);
    }

    [Fact]
    public void Read_BundleWithAsOf_FhirAsOfAtTheEndOfThatDay()
    {
        var read = InputReader.Read(Bundle, "2026-11-20", new At(Now), "--as-of");

        Assert.True(read.IsFhir);
        Assert.Equal("cirrhosis-1", read.Snapshot!.Id);
        Assert.NotEmpty(read.Sources);
        Assert.Equal(("2026-11-20T23:59:59Z", AsOfSource.FhirAsOf), (read.Basis!.Text, read.Basis.Source));
        Assert.Equal("https://hepatica.example/fhir/Patient/cirrhosis-1", read.WriteContext.PatientReference); // the entry's fullUrl: the input's own name for it
    }

    [Fact]
    public void Read_BundleWithoutAsOf_ReadAsOfTheRunTime()
    {
        var read = InputReader.Read(Bundle, null, new At(Now), "--as-of");

        Assert.Equal(Now, read.FhirAsOf);
        Assert.Equal(("2026-11-21T09:00:00Z", AsOfSource.RunTime), (read.Basis!.Text, read.Basis.Source));
    }

    [Fact]
    public void Read_SnapshotDeclaredFhir_ReadByTheFhirReader()
    {
        var read = InputReader.Read(Snapshot, null, new At(Now), "asOf", declaredFhir: true);

        Assert.True(read.IsFhir);
        Assert.Null(read.Snapshot);
        Assert.All(read.Issues, i => Assert.StartsWith("FHR", i.Code, StringComparison.Ordinal)); // the Bundle reader's codes, not the snapshot's
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
