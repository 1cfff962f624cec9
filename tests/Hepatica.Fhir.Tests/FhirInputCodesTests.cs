using System.Text.RegularExpressions;
using Hepatica.Clinical;

namespace Hepatica.Fhir.Tests;

/// <summary>What to supply in FHIR per snapshot path: every path the reader fills has it, and every code listed is one the reader reads.</summary>
public sealed partial class FhirInputCodesTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    [GeneratedRegex(@"\b(LOINC|SNOMED CT|ICD-10-CM|CPT) ((?:[0-9A-Z][0-9A-Z.\-]*\*?(?:, )?)+)")]
    private static partial Regex Codes();

    /// <summary>The codes a text lists, with the system name it gives them.</summary>
    private static List<(string System, string Code)> Listed(string text) =>
        [.. Codes().Matches(text).SelectMany(m => m.Groups[2].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(c => (m.Groups[1].Value, c.Trim())))];

    /// <summary>Every path the reader fills, from its own tables and from the sources of every fixture and Synthea bundle read.</summary>
    public static TheoryData<string> FilledPaths()
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal) { SnapshotKeys.Sex, SnapshotKeys.AgeYears, SnapshotKeys.Findings.DialysisTwiceInPastWeek };
        paths.UnionWith(LabCodes.Rules.Select(r => r.Path));
        paths.UnionWith(LabCodes.Rules.Where(r => r.UpperLimit is not null).Select(r => r.Path + "UpperLimit"));
        paths.UnionWith(SerologyCodes.Rules.Select(r => r.Path));
        paths.Add(VitalSignCodes.MeanArterialPressure.Path);
        paths.UnionWith(Enum.GetValues<ConditionKind>().Select(k => "conditions." + ConditionReader.JsonName(k)));
        var files = Directory.GetFiles(RepoRoot.File("tests", "Hepatica.Fhir.Tests", "Fixtures"), "*.json")
            .Concat(Directory.GetFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "*.json"));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var asOf in new[] { AsOf, LastObservation(bytes) })
            {
                paths.UnionWith(FhirSnapshotReader.Read(bytes, asOf).Sources.Select(s => s.Path));
            }
        }

        return [.. paths];
    }

    private static DateTimeOffset LastObservation(byte[] bundle)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(bundle);
        var times = doc.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == "Observation" && r.TryGetProperty("effectiveDateTime", out _))
            .Select(r => DateTimeOffset.Parse(r.GetProperty("effectiveDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(1))
            .ToList();
        return times.Count > 0 ? times.Max() : AsOf;
    }

    [Theory]
    [MemberData(nameof(FilledPaths))]
    public void For_EveryPathTheReaderFills_SaysWhatToSupply(string path)
    {
        var text = FhirInputCodes.For(path);

        Assert.False(string.IsNullOrWhiteSpace(text), path);
        if (path.StartsWith("labs.", StringComparison.Ordinal) || path.StartsWith("serology.", StringComparison.Ordinal)
            || path.StartsWith("conditions.", StringComparison.Ordinal) || path == SnapshotKeys.Findings.DialysisTwiceInPastWeek)
        {
            Assert.NotEmpty(Listed(text!));
        }
    }

    [Fact]
    public void For_ObservationPaths_EachLoincFeedsThatPath()
    {
        foreach (var path in FhirInputCodes.Paths)
        {
            var text = FhirInputCodes.For(path)!;
            foreach (var (system, code) in Listed(text).Where(x => x.System == "LOINC"))
            {
                var fed = path.EndsWith("UpperLimit", StringComparison.Ordinal) ? path[..^"UpperLimit".Length] : path;
                Assert.True(ObservationCodes.PathOf(code) == fed, $"{path}: LOINC {code} feeds {ObservationCodes.PathOf(code) ?? "nothing"}");
            }
        }
    }

    [Fact]
    public void For_ConditionAndProcedureCodes_EachIsInTheReadersTables()
    {
        foreach (var path in FhirInputCodes.Paths)
        {
            var text = FhirInputCodes.For(path)!;
            foreach (var (system, code) in Listed(text).Where(x => x.System != "LOINC"))
            {
                var uri = system switch
                {
                    "SNOMED CT" => ConditionCodes.Snomed,
                    "ICD-10-CM" => ConditionCodes.Icd10Cm,
                    _ => ProcedureCodes.Cpt,
                };
                var accepted = path == SnapshotKeys.Findings.DialysisTwiceInPastWeek
                    ? ProcedureCodes.Find(uri, code) is not null
                    : ConditionCodes.Match(uri, code.TrimEnd('*')).Any() || (path == SnapshotKeys.Findings.Ascites && ConditionReader.AscitesSeverity.ContainsKey(code));
                Assert.True(accepted, $"{path}: {system} {code}");
            }
        }
    }

    public static TheoryData<string, string> ConditionFindings() => new()
    {
        { SnapshotKeys.Findings.Cirrhosis, "cirrhosis" },
        { SnapshotKeys.Findings.VaricealBleeding, "varicealBleeding" },
        { SnapshotKeys.Findings.AlcoholAssociatedHepatitis, "alcoholAssociatedHepatitis" },
        { SnapshotKeys.Findings.CholestaticLiverDisease, "cholestaticLiverDisease" },
        { SnapshotKeys.Findings.FattyLiverDisease, "fattyLiverDisease" },
        { SnapshotKeys.Findings.DiabetesOrImpairedFastingGlucose, "diabetes" },
        { SnapshotKeys.Findings.AcuteLiverFailure, "acuteLiverFailure" },
        { SnapshotKeys.Findings.EncephalopathyGrade, "encephalopathyGrade" },
        { "history.alcoholRelatedLiverDisease", "alcoholRelatedLiverDisease" },
    };

    /// <summary>Each code listed for a finding, alone in a Bundle as an active Condition, sets that finding when read.</summary>
    [Theory]
    [MemberData(nameof(ConditionFindings))]
    public void For_ConditionFinding_EachListedCodeSetsIt(string path, string finding)
    {
        Func<PatientSnapshot, bool> set = finding switch
        {
            "cirrhosis" => s => s.Findings.Cirrhosis == true,
            "varicealBleeding" => s => s.Findings.VaricealBleeding == true,
            "alcoholAssociatedHepatitis" => s => s.Findings.AlcoholAssociatedHepatitis == true,
            "cholestaticLiverDisease" => s => s.Findings.CholestaticLiverDisease == true,
            "fattyLiverDisease" => s => s.Findings.FattyLiverDisease == true,
            "diabetes" => s => s.Findings.DiabetesOrImpairedFastingGlucose == true,
            "acuteLiverFailure" => s => s.Findings.AcuteLiverFailure == true,
            "encephalopathyGrade" => s => s.Findings.Encephalopathy is not null,
            _ => s => s.History.AlcoholRelatedLiverDisease == true,
        };
        var codes = Listed(FhirInputCodes.For(path)!);
        Assert.NotEmpty(codes);
        foreach (var (system, code) in codes)
        {
            var uri = system == "SNOMED CT" ? ConditionCodes.Snomed : ConditionCodes.Icd10Cm;
            var stem = code.TrimEnd('*'); // a prefix row (K70.3*, E10.*): one code under it
            var concrete = code.EndsWith('*') ? stem + (stem.EndsWith('.') ? "9" : "0") : code;
            var json = Bundles.With(ActiveCondition(uri, concrete));

            var snapshot = FhirSnapshotReader.Read(json, AsOf).Snapshot!;

            Assert.True(set(snapshot), $"{path}: {system} {concrete} did not set it");
        }
    }

    private static string ActiveCondition(string system, string code) =>
        "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},"
        + "\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]},\"subject\":{\"reference\":\"urn:uuid:0b5e7a7e-1c2d-4e3f-8a9b-000000000001\"}}";

    [Theory]
    [InlineData("findings.jaundiceToEncephalopathyDays")]
    [InlineData("findings.mechanicalVentilation")]
    [InlineData("alcohol.auditC.q1")]
    [InlineData("labs.ptControl")]
    [InlineData("serology.antiHdv")]
    [InlineData("medications[3].prednisoneEquivalentMgPerDay")]
    [InlineData("assessmentDate")]
    [InlineData("no.such.path")]
    public void For_SnapshotOnlyPath_Null(string path) => Assert.Null(FhirInputCodes.For(path));

    [Fact]
    public void For_Examples_ReadAsDocumented()
    {
        Assert.Equal("Observation, LOINC 6301-6, 34714-6", FhirInputCodes.For("labs.inr"));
        Assert.Equal("Observation, LOINC 5196-1, 5195-3, 75410-1", FhirInputCodes.For("serology.hbsag"));
        Assert.Equal("Procedure, SNOMED CT 265764009, 302497006, 71192002, 714749008; CPT 90935, 90937, 90945, 90947", FhirInputCodes.For("findings.dialysisTwiceInPastWeek"));
        Assert.Equal(FhirInputCodes.For("medications"), FhirInputCodes.For("medications[12].class"));
    }

    /// <summary>Each row of docs/fhir.md's "What to supply" table that quotes the whole text is what the lookup gives.</summary>
    [Fact]
    public void Docs_QuotedExamplesAreWhatTheLookupGives()
    {
        var docs = File.ReadAllText(RepoRoot.File("docs", "fhir.md"));
        var rows = Regex.Matches(docs, @"^\| `([a-zA-Z.\[\]]+)` \| `((?:Observation|Procedure|Condition)[^`]*)` \|$", RegexOptions.Multiline);

        Assert.True(rows.Count >= 5);
        Assert.All(rows, m => Assert.Equal(m.Groups[2].Value, FhirInputCodes.For(m.Groups[1].Value)));
    }

    /// <summary>docs/fhir.md lists the snapshot paths the reader never fills: each is null here, and every path answered is not listed there.</summary>
    [Fact]
    public void Docs_SnapshotOnlyPathsMatchTheLookup()
    {
        var docs = File.ReadAllText(RepoRoot.File("docs", "fhir.md"));
        var section = docs[docs.IndexOf("## What to supply", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var line = section.Split('\n').Single(l => l.StartsWith("Snapshot only", StringComparison.Ordinal));
        var listed = Regex.Matches(line, "`([^`]+)`").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, p => Assert.Null(FhirInputCodes.For(p)));
        var keys = typeof(SnapshotKeys).GetNestedTypes().Append(typeof(SnapshotKeys)).SelectMany(t => t.GetNestedTypes().Append(t))
            .SelectMany(t => t.GetFields()).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Distinct().ToList();
        Assert.Equal(keys.Where(k => FhirInputCodes.For(k) is null).Order(StringComparer.Ordinal), listed.Where(keys.Contains).Order(StringComparer.Ordinal));
    }
}
