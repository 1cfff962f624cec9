using System.Text;
using System.Text.Json.Nodes;
using Hepatica.Clinical.Scoring;
using Hepatica.Fhir.Bulk;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir.Tests;

/// <summary>
/// The fast Observation reader against its oracle, Firely's validated deserializer (decision 0007), on every
/// Observation the repository and the shared data hold (the FHIR fixtures, the 15 Synthea bundles, the Bulk sample,
/// the CDS Hooks prefetches) and on thousands of deliberately broken ones: it is never looser (a line Firely refuses
/// it refuses too, and Firely then gives the issues), and what it reads equals what Firely reads, element for element
/// (Firely's <c>IsExactly</c> against Firely's Observation cut to the elements the snapshot reader uses).
/// </summary>
public sealed class FastObservationParserTests
{
    private static readonly Lazy<List<byte[]>> All = new(Collect);

    [Fact]
    public void EveryObservationInTheData_ReadAsFirelyReadsIt()
    {
        var fast = 0;
        foreach (var line in All.Value)
        {
            fast += AgreesWithFirely(line) ? 1 : 0;
        }

        Assert.True(All.Value.Count > 1_000, $"{All.Value.Count} Observations found");
        Assert.True(fast >= All.Value.Count * 95 / 100, $"the fast reader read {fast} of {All.Value.Count} Observations itself; the rest went to Firely");
    }

    [Fact]
    public void Synthea_AlmostEveryObservationReadFast()
    {
        var synthea = Observations(Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "*.json")).ToList();

        Assert.True(synthea.Count > 1_000);
        Assert.True(synthea.Count(l => FastObservationParser.TryParse(l) is not null) >= synthea.Count * 99 / 100);
    }

    [Fact]
    public void Mutated_NeverLooserAndTheSameWhenBothRead()
    {
        var seeds = All.Value.Where((_, i) => i % 37 == 0).Take(60).ToList();

        Fuzz.Check(3_000, JsonMutations.Mutated(seeds), line => AgreesWithFirely(line));
    }

    [Theory]
    [InlineData("\"status\":\"final\"", "\"status\":\"bogus\"")]
    [InlineData("\"status\":\"final\",", "")]
    [InlineData("\"effectiveDateTime\":\"2026-11-19T08:00:00Z\"", "\"effectiveDateTime\":\"not-a-date\"")]
    [InlineData("\"effectiveDateTime\":\"2026-11-19T08:00:00Z\"", "\"effectiveDateTime\":\"2026-02-30\"")]
    [InlineData("\"effectiveDateTime\":\"2026-11-19T08:00:00Z\"", "\"effectiveDateTime\":\"2026-11-19T08:00:00\"")]
    [InlineData("\"effectiveDateTime\":\"2026-11-19T08:00:00Z\"", "\"effectiveDateTime\":\"2026-11-19T08:00:00Z\",\"_effectiveDateTime\":{\"id\":\"x\"}")]
    [InlineData("\"effectiveDateTime\":\"2026-11-19T08:00:00Z\"", "\"effectiveInstant\":\"2026-11-19T08:00:00Z\"")]
    [InlineData("\"value\":2.1", "\"value\":\"2.1\"")]
    [InlineData("\"value\":2.1", "\"value\":2.1e0")]
    [InlineData("\"value\":2.1", "\"value\":null")]
    [InlineData("\"value\":2.1", "\"value\":2.1,\"comparator\":\"~\"")]
    [InlineData("\"value\":2.1", "\"value\":2.1,\"extension\":[{\"url\":\"http://x\",\"valueString\":\"y\"}]")]
    [InlineData("\"unit\":\"mg/dL\"", "\"unit\":\"\"")]
    [InlineData("\"id\":\"o1\"", "\"id\":\"bad id!\"")]
    [InlineData("\"id\":\"o1\"", "\"id\":\"o1\",\"status\":\"final\"")]
    [InlineData("\"id\":\"o1\"", "\"id\":\"o1\",\"modifierExtension\":[{\"url\":\"http://x\",\"valueBoolean\":true}]")]
    [InlineData("\"id\":\"o1\"", "\"id\":\"o1\",\"foo\":1")]
    [InlineData("\"id\":\"o1\"", "\"id\":\"o1\",\"implicitRules\":\"http://x\"")]
    [InlineData("\"coding\":[", "\"coding\":[],\"x\":[")]
    [InlineData("\"reference\":\"Patient/p1\"", "\"reference\":1")]
    [InlineData("\"reference\":\"Patient/p1\"", "\"reference\":\"Patient/p1\",\"identifier\":{\"value\":\"1\"}")]
    [InlineData("\"valueQuantity\"", "\"valueBoolean\":true,\"v\"")]
    public void DeliberateFault_InWhatItReads_FirelyDecidesAsBefore(string find, string replace)
    {
        var line = Encoding.UTF8.GetBytes(Observation.Replace(find, replace, StringComparison.Ordinal));
        Assert.NotEqual(Observation, Encoding.UTF8.GetString(line));

        Assert.Null(FastObservationParser.TryParse(line)); // Firely parses it, with its own issues if it is invalid
        AgreesWithFirely(line);
    }

    [Fact]
    public void Valid_ReadFastWithEveryElementTheReaderUses()
    {
        var o = FastObservationParser.TryParse(Encoding.UTF8.GetBytes(Observation));

        Assert.NotNull(o);
        Assert.True(AgreesWithFirely(Encoding.UTF8.GetBytes(Observation)));
        Assert.Equal(2.1m, Assert.IsType<Quantity>(o.Value).Value);
        Assert.Equal("Patient/p1", o.Subject!.Reference);
        Assert.Equal("2026-11-19T08:00:00Z", Assert.IsType<FhirDateTime>(o.Effective).Value);
        Assert.Equal(3.5m, o.ReferenceRange.Single().High!.Value);
        Assert.Null(o.Category.FirstOrDefault()); // skipped: the reader does not use it
    }

    /// <summary>The documented difference (decision 0007): a fault in an element the reader does not read leaves the resource in use; <c>--strict</c> refuses it, as Firely does.</summary>
    [Fact]
    public void FaultOnlyInAnElementNotRead_UsedByTheFastReaderRefusedByFirely()
    {
        var line = Encoding.UTF8.GetBytes(Observation.Replace("\"issued\":\"2026-11-19T09:00:00Z\"", "\"issued\":\"not-an-instant\"", StringComparison.Ordinal));

        Assert.NotNull(FastObservationParser.TryParse(line));
        var issues = new List<InputIssue>();
        Assert.Null(BulkPatientReader.Parse(line, issues));
        Assert.Contains(issues, i => i.Code == BulkIssueCodes.InvalidResource);
    }

    private const string Observation = """{"resourceType":"Observation","id":"o1","status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"1975-2","display":"Bilirubin.total"}],"text":"Bilirubin"},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-19T08:00:00Z","issued":"2026-11-19T09:00:00Z","valueQuantity":{"value":2.1,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"},"referenceRange":[{"high":{"value":3.5,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}}]}""";

    /// <summary>True when the fast reader read the line itself (and then read it as Firely does); false when it left it to Firely. Fails when it is looser or reads differently.</summary>
    private static bool AgreesWithFirely(byte[] line) => AgreesWithFirely(line, "Observation");

    /// <summary>As <see cref="AgreesWithFirely(byte[])"/>, for the fast reader of <paramref name="type"/>.</summary>
    internal static bool AgreesWithFirely(byte[] line, string type)
    {
        var fast = FastResourceParsers.TryParse(line, type);
        if (fast is null)
        {
            return false;
        }

        var issues = new List<InputIssue>();
        var firely = BulkPatientReader.Parse(line, issues);
        if (firely is null)
        {
            // Allowed only when the fault is in an element the fast reader skips unread (decision 0007): Firely must
            // then read the same line with those elements taken out, and read it as the fast reader did.
            var withoutSkipped = JsonNode.Parse(line)!.AsObject();
            foreach (var name in Skipped(type))
            {
                withoutSkipped.Remove(name);
            }

            var retry = new List<InputIssue>();
            firely = BulkPatientReader.Parse(Encoding.UTF8.GetBytes(withoutSkipped.ToJsonString()), retry);
            Assert.True(firely is not null, $"The fast reader read a line Firely refuses in what it reads ({string.Join("; ", issues.Concat(retry).Select(i => i.Path + ": " + i.Message))}): {Encoding.UTF8.GetString(line)}");
        }

        Assert.True(firely!.TypeName == type, $"Firely read another resource type: {Encoding.UTF8.GetString(line)}");
        var expected = Restrict(firely);
        Assert.True(fast.IsExactly(expected), $"The fast reader read differently from Firely: {Encoding.UTF8.GetString(line)}");
        return true;
    }

    /// <summary>The elements each fast reader skips unread (decision 0007), written out here independently of the readers.</summary>
    private static string[] Skipped(string type) => type switch
    {
        "Observation" => ["meta", "language", "text", "contained", "extension", "identifier", "basedOn", "partOf", "category", "focus", "encounter",
            "issued", "performer", "note", "bodySite", "method", "specimen", "device", "hasMember", "derivedFrom", "component"],
        "Patient" => ["meta", "language", "text", "contained", "extension", "identifier", "active", "name", "telecom", "deceasedBoolean", "deceasedDateTime",
            "address", "maritalStatus", "multipleBirthBoolean", "multipleBirthInteger", "photo", "contact", "communication", "generalPractitioner",
            "managingOrganization", "link"],
        "Condition" => ["meta", "language", "text", "contained", "extension", "identifier", "category", "bodySite", "encounter", "recorder", "asserter", "stage", "evidence", "note"],
        "Immunization" => ["meta", "language", "text", "contained", "extension", "identifier", "statusReason", "encounter", "recorded", "primarySource",
            "reportOrigin", "location", "manufacturer", "lotNumber", "expirationDate", "site", "route", "doseQuantity", "performer", "note",
            "reasonCode", "reasonReference", "isSubpotent", "subpotentReason", "education", "programEligibility", "fundingSource", "reaction",
            "protocolApplied"],
        "Procedure" => ["meta", "language", "text", "contained", "extension", "identifier", "instantiatesCanonical", "instantiatesUri", "basedOn", "partOf",
            "statusReason", "category", "encounter", "recorder", "asserter", "performer", "location", "reasonCode", "reasonReference", "bodySite",
            "outcome", "report", "complication", "complicationDetail", "followUp", "note", "focalDevice", "usedReference", "usedCode"],
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Firely's resource cut to the elements the snapshot reader uses (the ones the fast readers read).</summary>
    internal static Resource Restrict(Resource resource) => resource switch
    {
        Observation o => new Observation
        {
            Id = o.Id,
            Status = o.Status,
            Code = o.Code,
            Subject = o.Subject,
            Effective = o.Effective,
            Value = o.Value,
            DataAbsentReason = o.DataAbsentReason,
            Interpretation = o.Interpretation,
            ReferenceRange = o.ReferenceRange,
        },
        Patient p => new Patient { Id = p.Id, Gender = p.Gender, BirthDateElement = p.BirthDateElement },
        Condition c => new Condition
        {
            Id = c.Id,
            ClinicalStatus = c.ClinicalStatus,
            VerificationStatus = c.VerificationStatus,
            Severity = c.Severity,
            Code = c.Code,
            Subject = c.Subject,
            Onset = c.Onset,
            Abatement = c.Abatement,
            RecordedDateElement = c.RecordedDateElement,
        },
        Immunization i => new Immunization { Id = i.Id, Status = i.Status, VaccineCode = i.VaccineCode, Patient = i.Patient, Occurrence = i.Occurrence },
        Procedure p => new Procedure { Id = p.Id, Status = p.Status, Code = p.Code, Subject = p.Subject, Performed = p.Performed },
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };

    /// <summary>Every resource of <paramref name="type"/> in the repository's and the shared data, as one compact line each.</summary>
    internal static List<byte[]> Lines(string type)
    {
        var files = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json")
            .Concat(Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "synthea-r4-bundles"), "*.json"))
            .Concat(Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "cds-hooks-examples"), "*.json"))
            .Concat(Directory.EnumerateFiles(RepoRoot.File("tests", "Hepatica.Web.Tests", "CdsHooks", "Fixtures"), "*.json"));
        var lines = Resources(files, type).ToList();
        foreach (var ndjson in Directory.EnumerateFiles(RepoRoot.SharedData("fhir-samples", "bulk-ndjson-10-patients"), type + "*.ndjson"))
        {
            lines.AddRange(File.ReadAllLines(ndjson).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes));
        }

        return lines;
    }

    private static List<byte[]> Collect() => Lines("Observation");

    private static IEnumerable<byte[]> Observations(IEnumerable<string> files) => Resources(files, "Observation");

    /// <summary>Every object with <c>"resourceType": TYPE</c> anywhere in the files, as one compact line each.</summary>
    private static IEnumerable<byte[]> Resources(IEnumerable<string> files, string type)
    {
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            JsonNode? root;
            try
            {
                root = JsonNode.Parse(File.ReadAllText(file));
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // a fixture that is broken on purpose
            }

            foreach (var o in Walk(root).Where(n => n["resourceType"] is JsonValue v && v.TryGetValue<string>(out var t) && t == type))
            {
                yield return Encoding.UTF8.GetBytes(o.ToJsonString());
            }
        }
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.SelectMany(p => Walk(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(Walk))
                {
                    yield return child;
                }

                break;
        }
    }
}
