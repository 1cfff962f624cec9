using FsCheck.Fluent;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json.Tests;

/// <summary>
/// The snapshot reader under hostile input (issue 10): generated from the contract's own keys and mutated from the
/// samples, every document gives a result with coded issues, never an exception, and the snapshot it gives assesses.
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly string[] Keys =
    [
        "id", "sex", "ageYears", "ageAtListingYears", "labs", "findings", "series", "serology", "assessmentDate", "medications", "vaccinations",
        "history", "bmi", "autoimmune", "dili", "alcohol", "bilirubin", "creatinine", "inr", "sodium", "albumin", "platelets", "value", "unit", "date",
        "ascites", "encephalopathyGrade", "meanArterialPressure", "corticosteroidStartDate", "hbsag", "antiHbs", "result", "vaccine", "cvx", "class",
        "code", "system", "start", "prednisoneEquivalentMgPerDay", "ana", "rucam", "auditC", "q1", "courseAfterCessation",
    ];

    private static readonly byte[][] Seeds =
        [.. new[] { "demo-001.json", "immune-001.json", "causes-008.json", "aclf-grade2.json", "hbv-chronic.json" }.Select(f => File.ReadAllBytes(Path.Combine(RepoRoot.Path, "samples", f)))];

    [Fact]
    public void Read_HostileDocuments_GiveCodedIssuesNeverAnException() =>
        Fuzz.Check(2_000, Gen.OneOf(JsonMutations.FromKeys(Keys), JsonMutations.Mutated(Seeds)), bytes =>
        {
            var result = SnapshotReader.Read(bytes);

            Assert.All(result.Issues, i => Assert.True(Fuzz.IsCode(i.Code) && i.Path.Length > 0 && i.Message.Length > 0, i.ToString()));
            Assert.All(result.Issues.GroupBy(i => i.Code), g => Assert.True(g.Count() <= SnapshotReader.MaxIssuesPerCode + 1, g.Key));
            if (result.Snapshot is null)
            {
                Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error);
            }
            else
            {
                _ = Assessment.Of(result.Snapshot);
            }
        });
}
