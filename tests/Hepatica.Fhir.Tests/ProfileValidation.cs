using System.Globalization;
using System.Text.RegularExpressions;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Snapshot;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Hepatica.Tests;

/// <summary>One finding of the profile validator: on which resource, how bad, which rule, where, what.</summary>
/// <param name="ResourceType">The validated resource's type (the Bundle or the entry's own).</param>
/// <param name="Severity">Error and fatal fail the tests; warning and information do not.</param>
/// <param name="Key">The FHIRPath invariant's key (<c>ras-2</c>, <c>dom-3</c>) when a constraint failed, otherwise the
/// validator's issue number and type (<c>1028 structure</c>), so issues group by rule.</param>
/// <param name="Location">The FHIRPath location within the validated resource (<c>RiskAssessment.prediction[0]</c>).</param>
/// <param name="Message">The validator's text.</param>
internal sealed record ProfileIssue(string ResourceType, OperationOutcome.IssueSeverity Severity, string Key, string Location, string Message)
{
    public bool IsError => Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal;

    public override string ToString() => $"{Severity} {Key} {ResourceType} at {Location}: {Message}";
}

/// <summary>
/// Firely's profile validator over the FHIR R4 core specification (issue 16): the StructureDefinitions, ValueSets and
/// CodeSystems of specification.zip (package Hl7.Fhir.Specification.Data.R4, copied beside the test assembly), read
/// through a cached ZipSource with snapshots generated on demand, as the Firely docs set it up, plus Hepatica's own
/// extension StructureDefinitions from docs/fhir (published as differentials: their snapshots are generated here, over
/// the same R4 core), so the extensions the writer emits are resolved and checked, not reported as unknown. Built once per test
/// run (the zip is indexed and every profile compiled on first use: seconds, not per test) and shared, since the
/// validator caches its compiled schemas and is meant to be reused.
/// </summary>
/// <remarks>
/// Terminology, configured here: no terminology server. <see cref="LocalTerminologyService"/> checks codes against the
/// value sets and code systems inside specification.zip only (FHIR's own: RiskAssessment.status, Condition.clinicalStatus,
/// ...). LOINC, SNOMED CT, UCUM and Hepatica's local systems are not in the zip and cannot be expanded: in an example,
/// preferred or extensible binding such a code is not an error (ProfileValidationTests shows it), and a terminology
/// call that fails outright (a value set it cannot expand) is reported as a warning:
/// <see cref="ValidationSettings.HandleValidateCodeServiceFailure"/> is set to
/// <see cref="TerminologyServiceExceptionResult.Warning"/> (the validator's default, named so it stays so). A code
/// outside a required FHIR value set is still an error (issue 6007): that value set is in the zip and fully known.
/// </remarks>
internal static class ProfileValidation
{
    private static readonly Lazy<Validator> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every issue the validator finds in <paramref name="resource"/> against its core R4 profile.</summary>
    public static IReadOnlyList<ProfileIssue> Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var outcome = Shared.Value.Validate(resource);
        return [.. outcome.Issue.Select(i => Issue(resource.TypeName, i))];
    }

    /// <summary>
    /// The Bundle and, separately, each entry's resource, so an issue names the entry's own type and path
    /// (<c>Bundle.entry[11] RiskAssessment.prediction[0]</c>). The Bundle's own validation walks into the entries too: an
    /// issue it reports at <c>Bundle.entry[i].resource[0]...</c> that validating entry i alone also found is kept once.
    /// </summary>
    public static IReadOnlyList<ProfileIssue> ValidateBundleAndEntries(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var entries = new List<ProfileIssue>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is { } resource)
            {
                entries.AddRange(Validate(resource).Select(issue => issue with { Location = $"Bundle.entry[{i}] {issue.Location}" }));
            }
        }

        var seen = entries.Select(e => (e.Key, e.Location)).ToHashSet();
        var own = Validate(bundle).Where(issue => InEntry.Match(issue.Location) is not { Success: true } m
            || bundle.Entry[int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture)].Resource is not { } r
            || !seen.Contains((issue.Key, $"Bundle.entry[{m.Groups["i"].Value}] {r.TypeName}{m.Groups["rest"].Value}")));
        return [.. own, .. entries];
    }

    private static readonly Regex InEntry = new(@"^Bundle\.entry\[(?<i>\d+)\]\.resource\[0\](?<rest>.*)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The errors, grouped by rule with counts, each listed with its resource type, location and message: what a
    /// failing test prints so the fix can start from the message alone.
    /// </summary>
    public static string Report(IEnumerable<(string Input, ProfileIssue Issue)> errors)
    {
        var lines = new List<string>();
        foreach (var group in errors.GroupBy(e => e.Issue.Key, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            lines.Add($"{group.Key}: {group.Count()}");
            lines.AddRange(group.Select(e => $"  [{e.Input}] {e.Issue.ResourceType} at {e.Issue.Location}: {e.Issue.Message}"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static Validator Create()
    {
        var zip = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        if (!File.Exists(zip))
        {
            throw new FileNotFoundException("specification.zip (package Hl7.Fhir.Specification.Data.R4) is not beside the test assembly.", zip);
        }

        // Core artifacts from the zip, cached, and Hepatica's extensions; snapshots generated (and cached) for any
        // StructureDefinition that lacks one: Hepatica's all do.
        var core = new CachedResolver(new ZipSource(zip));
        var resolver = new CachedResolver(new SnapshotSource(new MultiResolver(core, new InMemoryResourceResolver(PublishedStructureDefinitions()))));
        var terminology = new LocalTerminologyService(resolver);
        var settings = new ValidationSettings
        {
            HandleValidateCodeServiceFailure = (_, _) => TerminologyServiceExceptionResult.Warning,
        };
        return new Validator(resolver, terminology, referenceResolver: null, settings);
    }

    /// <summary>
    /// A reference the validator could not follow: an extension or profile whose StructureDefinition it cannot resolve
    /// (issue 4009, reported as a warning: the instance is not checked against it).
    /// </summary>
    public static bool IsUnresolvedProfile(ProfileIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return issue.Key.StartsWith("4009 ", StringComparison.Ordinal);
    }

    /// <summary>The StructureDefinitions committed under docs/fhir (<c>StructureDefinition-*.json</c>), as published: no snapshot.</summary>
    public static IReadOnlyList<StructureDefinition> PublishedStructureDefinitions() =>
        [.. Directory.GetFiles(Path.Combine(RepoRoot.Path, "docs", "fhir"), "StructureDefinition-*.json").Order(StringComparer.Ordinal)
            .Select(f => FhirJsonDeserializer.DEFAULT.Deserialize<StructureDefinition>(File.ReadAllText(f)))];

    /// <summary>
    /// The snapshot of <paramref name="profile"/> (a copy; the argument is left differential-only) over the R4 core and
    /// the published StructureDefinitions, and the generator's outcome (null when it found nothing to report).
    /// </summary>
    public static async System.Threading.Tasks.Task<(StructureDefinition Snapshotted, OperationOutcome? Outcome)> SnapshotAsync(StructureDefinition profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var zip = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        var generator = new SnapshotGenerator(new MultiResolver(new CachedResolver(new ZipSource(zip)), new InMemoryResourceResolver(PublishedStructureDefinitions())));
        var copy = (StructureDefinition)profile.DeepCopy();
        await generator.UpdateAsync(copy);
        return (copy, generator.Outcome);
    }

    private static ProfileIssue Issue(string resourceType, OperationOutcome.IssueComponent issue)
    {
        var message = issue.Details?.Text ?? issue.Diagnostics ?? "";
        var constraint = Regex.Match(message, @"constraint (?<key>[a-z][a-z0-9]*-\d+)", RegexOptions.CultureInvariant);
        var number = issue.Details?.Coding.FirstOrDefault()?.Code ?? "?";
        var key = constraint.Success ? constraint.Groups["key"].Value : $"{number} {issue.Code?.ToString().ToLowerInvariant()}";
        var location = issue.Expression.FirstOrDefault() ?? issue.Location.FirstOrDefault() ?? "";
        return new ProfileIssue(resourceType, issue.Severity ?? OperationOutcome.IssueSeverity.Information, key, location, message);
    }
}

/// <summary>A <c>system</c> found in output: where it stood (Coding, Identifier or Quantity), and the code or value beside it.</summary>
internal sealed record OutputSystem(string Kind, string System, string? Code);

/// <summary>
/// Which code systems Hepatica's FHIR output names, and whether each is one another system can look up (issue 16): a
/// well-known external system, or a CodeSystem or NamingSystem published under docs/fhir/ (whose concepts must then
/// include every code used).
/// </summary>
internal static class OutputSystems
{
    /// <summary>External systems every FHIR consumer knows; kept short on purpose: a new one is a decision.</summary>
    public static readonly IReadOnlySet<string> KnownExternal = new HashSet<string>(StringComparer.Ordinal)
    {
        "http://loinc.org",
        "http://snomed.info/sct",
        "http://unitsofmeasure.org",
        "http://hl7.org/fhir/sid/cvx",
        "http://www.nlm.nih.gov/research/umls/rxnorm",
        "http://hl7.org/fhir/sid/icd-10",
        "http://hl7.org/fhir/sid/icd-10-cm",
    };

    /// <summary>HL7's terminology (THO): every CodeSystem under it is published.</summary>
    public const string Hl7TerminologyBase = "http://terminology.hl7.org/CodeSystem/";

    /// <summary>Every system in a FHIR JSON document: a Coding (system + code), an Identifier (system + value), a Quantity (system + code, with a value).</summary>
    public static IEnumerable<OutputSystem> In(string fhirJson)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(fhirJson);
        var found = new List<OutputSystem>();
        Walk(doc.RootElement, found);
        return found;
    }

    /// <summary>The url of every CodeSystem and NamingSystem JSON file under <paramref name="folder"/>, with the CodeSystem's concept codes (empty for a NamingSystem).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>?> Published(string folder)
    {
        var published = new Dictionary<string, IReadOnlySet<string>?>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
            var root = doc.RootElement;
            var type = root.TryGetProperty("resourceType", out var t) ? t.GetString() : null;
            if (type == "CodeSystem" && root.TryGetProperty("url", out var url))
            {
                var codes = new HashSet<string>(StringComparer.Ordinal);
                Concepts(root, codes);
                published[url.GetString()!] = codes;
            }
            else if (type == "NamingSystem")
            {
                // R4 NamingSystem has no url: its uniqueId of type uri is the system; a later release's url counts too.
                if (root.TryGetProperty("url", out var nsUrl))
                {
                    published[nsUrl.GetString()!] = null;
                }

                foreach (var id in root.TryGetProperty("uniqueId", out var ids) ? ids.EnumerateArray() : default)
                {
                    if (id.TryGetProperty("type", out var idType) && idType.GetString() == "uri" && id.TryGetProperty("value", out var value))
                    {
                        published[value.GetString()!] = null;
                    }
                }
            }
        }

        return published;
    }

    /// <summary>
    /// What is wrong with <paramref name="found"/>, or null: an unpublished system (Key names the kind and the system),
    /// or a code that is not a concept of its published CodeSystem. Detail is the code or identifier value.
    /// </summary>
    public static (string Key, string? Detail)? Problem(OutputSystem found, IReadOnlyDictionary<string, IReadOnlySet<string>?> published)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(published);
        if (KnownExternal.Contains(found.System) || found.System.StartsWith(Hl7TerminologyBase, StringComparison.Ordinal))
        {
            return null;
        }

        if (!published.TryGetValue(found.System, out var codes))
        {
            return ($"unpublished {found.Kind}.system {found.System}", found.Code);
        }

        return found.Kind == "Coding" && codes is not null && (found.Code is null || !codes.Contains(found.Code))
            ? ($"code not in CodeSystem {found.System}", found.Code)
            : null;
    }

    /// <summary>The problems grouped by key, with counts, the distinct codes (first 20) and one input each.</summary>
    public static string Report(IEnumerable<(string Key, string? Detail, string Input)> problems) =>
        string.Join(Environment.NewLine, problems.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var details = g.Select(p => p.Detail ?? "(none)").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return $"{g.Key}: {g.Count()} uses, {details.Count} distinct ({string.Join(", ", details.Take(20))}{(details.Count > 20 ? ", ..." : "")}), e.g. in {g.First().Input}";
        }));

    private static void Concepts(System.Text.Json.JsonElement node, HashSet<string> codes)
    {
        foreach (var concept in node.TryGetProperty("concept", out var list) ? list.EnumerateArray() : default)
        {
            if (concept.TryGetProperty("code", out var code))
            {
                codes.Add(code.GetString()!);
            }

            Concepts(concept, codes);
        }
    }

    private static void Walk(System.Text.Json.JsonElement node, List<OutputSystem> found)
    {
        switch (node.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                if (node.TryGetProperty("system", out var system) && system.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    var hasNumber = node.TryGetProperty("value", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number;
                    var code = node.TryGetProperty("code", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString() : null;
                    found.Add(hasNumber ? new OutputSystem("Quantity", system.GetString()!, code)
                        : code is null && value.ValueKind == System.Text.Json.JsonValueKind.String ? new OutputSystem("Identifier", system.GetString()!, value.GetString())
                        : new OutputSystem("Coding", system.GetString()!, code));
                }

                foreach (var property in node.EnumerateObject())
                {
                    Walk(property.Value, found);
                }

                break;
            case System.Text.Json.JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item, found);
                }

                break;
        }
    }
}
