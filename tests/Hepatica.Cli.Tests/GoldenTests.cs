using System.Runtime.CompilerServices;

namespace Hepatica.Cli.Tests;

/// <summary>
/// What a clinician reads, compared word for word with reviewed files in Expectations/GoldenTests/ (docs/testing.md).
/// A difference fails the test and writes <c>*.received.txt</c> beside the approved file: review it, and if it is
/// right, move it over the approved one. The JSON and FHIR outputs are split into one file per score, per resource
/// and per section (<see cref="Golden.VerifyParts"/>), so a change shows in the file of the behaviour it changes.
/// The approved values were checked by hand against the formulas (docs/scores.md) before approval.
/// </summary>
public sealed class GoldenTests
{
    private static readonly string Folder = Path.Combine(RepoRoot.Path, "tests", "Hepatica.Cli.Tests", "Expectations", nameof(GoldenTests));

    private static void Verify(string actual, [CallerMemberName] string name = "") => Golden.Verify(actual, Path.Combine(Folder, name + ".approved.txt"));

    private static void VerifyParts(string actual, [CallerMemberName] string name = "") => Golden.VerifyParts(actual, Path.Combine(Folder, name));

    [Fact]
    public async Task Assess_demo_001() => Verify((await Hepatica.Run("assess", "samples/demo-001.json")).Stdout);

    [Fact]
    public async Task Assess_demo_001_explain() => Verify((await Hepatica.Run("assess", "samples/demo-001.json", "--explain")).Stdout);

    [Fact]
    public async Task Assess_demo_001_json() => VerifyParts((await Hepatica.Run("assess", "samples/demo-001.json", "--format", "json")).Stdout);

    [Fact]
    public async Task Assess_immune_001() => Verify((await Hepatica.Run("assess", "samples/immune-001.json")).Stdout);

    [Fact]
    public async Task Assess_immune_001_json() => VerifyParts((await Hepatica.Run("assess", "samples/immune-001.json", "--format", "json")).Stdout);

    [Fact]
    public async Task Assess_alf_acetaminophen() => Verify((await Hepatica.Run("assess", "samples/alf-acetaminophen.json")).Stdout);

    [Fact]
    public async Task Assess_aclf_grade2() => Verify((await Hepatica.Run("assess", "samples/aclf-grade2.json")).Stdout);

    [Fact]
    public async Task Scores_catalog() => Verify((await Hepatica.Run("scores")).Stdout);

    [Fact]
    public async Task Batch_sample() => Verify((await Hepatica.Run("batch", "samples/batch-sample.jsonl", "-", "--threads", "1", "--issued", "2026-11-21T09:00:00Z")).Stdout);

    [Fact]
    public async Task Assess_hbv_chronic() => Verify((await Hepatica.Run("assess", "samples/hbv-chronic.json")).Stdout);

    [Fact]
    public async Task Assess_demo_001_fhir() => VerifyParts((await Hepatica.Run("assess", "samples/demo-001.json", "--format", "fhir", "--issued", "2026-11-21T09:00:00Z")).Stdout);

    [Fact]
    public async Task Assess_cirrhosis_fhir() => VerifyParts((await Hepatica.Run(
        "assess", "tests/Hepatica.Fhir.Tests/Fixtures/cirrhosis-ascites-dialysis.json", "--as-of", "2026-11-20T12:00:00Z", "--format", "fhir", "--issued", "2026-11-21T09:00:00Z")).Stdout);

    [Fact]
    public async Task Assess_hbv_chronic_json() => VerifyParts((await Hepatica.Run("assess", "samples/hbv-chronic.json", "--format", "json")).Stdout);
}
