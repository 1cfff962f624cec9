using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hepatica.Clinical;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Web.CdsHooks;

/// <summary>Building blocks shared by the card builders: the card itself, its source, a score breakdown in Markdown, proposals.</summary>
internal static class CardKit
{
    /// <summary>The spec: "summary: one-sentence, &lt;140-character summary message".</summary>
    public const int SummaryLimit = 140;

    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    /// <summary>Override reasons offered on every card (each Coding has a display, cds-resp-4).</summary>
    public static readonly IReadOnlyList<Coding> OverrideReasons =
    [
        new("already-addressed", "urn:hepatica:cds-hooks:override-reason", "Already addressed"),
        new("not-applicable", "urn:hepatica:cds-hooks:override-reason", "Not applicable to this patient"),
        new("data-incorrect", "urn:hepatica:cds-hooks:override-reason", "The data behind this card is incorrect"),
    ];

    /// <summary>The cards with the guideline profile named at the end of each detail (issue 11 s.4: every output names it).</summary>
    public static IReadOnlyList<Card> WithProfile(IReadOnlyList<Card> cards, GuidelineProfile profile)
    {
        var line = $"\n\n_Guideline profile: {GuidelineProfiles.IdOf(profile)} ({GuidelineProfiles.SourcesOf(profile)})._";
        return [.. cards.Select(c => c with { Detail = c.Detail + line })];
    }

    /// <summary>A card; a summary of 140 characters or more is a bug in the wording, not an input problem.</summary>
    public static Card Make(string summary, string indicator, Citation source, string detail, IReadOnlyList<Suggestion>? suggestions = null)
    {
        if (summary.Length >= SummaryLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(summary), summary, $"A card summary must be under {SummaryLimit} characters.");
        }

        return new Card
        {
            Uuid = Guid.NewGuid().ToString(),
            Summary = summary,
            Indicator = indicator,
            Source = new CardSource(source.Key, source.Url),
            Detail = detail,
            Suggestions = suggestions is { Count: > 0 } ? suggestions : null,
            SelectionBehavior = suggestions is { Count: > 0 } ? "any" : null,
            OverrideReasons = OverrideReasons,
        };
    }

    /// <summary>A score's value, category and every step, as a Markdown table.</summary>
    public static string Breakdown(ScoreOutcome outcome)
    {
        var sb = new StringBuilder();
        if (outcome.Range is { } range)
        {
            // A range (issue 11 s.2): the one wording of the core, then which values give which result.
            sb.Append(CultureInfo.InvariantCulture, $"**{outcome.Definition.Name}: {Escape(RangeText.Span(outcome.Definition, range))}** ({Escape(RangeText.Settle(range))})");
            sb.Append("\n\n| assumed | result |\n|---|---|\n");
            foreach (var a in range.Alternatives)
            {
                var result = a.Outcome.Result is { } ar ? RangeText.Value(outcome.Definition, ar) : "not applicable";
                sb.Append(CultureInfo.InvariantCulture, $"| {Escape(a.Words)} | {Escape(result)} |\n");
            }

            return sb.ToString();
        }

        if (outcome.Result is not { } r)
        {
            return $"**{outcome.Definition.Name}**: {(outcome.Status == OutcomeStatus.NotApplicable ? "not applicable" : "not calculable")} ({Escape(outcome.Reason ?? "")})\n";
        }

        // Criteria read "met" / "not met" (the core's one wording), never "1" / "0".
        sb.Append(CultureInfo.InvariantCulture, $"**{r.Definition.Name}: {(Criteria.IsCriteria(r.Definition) ? Criteria.Word(r) : F(r.Value))}**");
        if (r.Category is { } c)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({c})");
        }

        sb.Append("\n\n| step | value | how |\n|---|---|---|\n");
        foreach (var s in r.Steps)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {Escape(s.Label)} | {(s.Value is { } v ? F(v) : "")} | {Escape(s.Detail)} |\n");
        }

        // The score's warnings, population assumptions first among them ("assumed no acute liver failure ..."), as the
        // text report and JSON carry them: a card must not read more certain than the score.
        foreach (var w in r.Warnings)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n{w.Code}: {Escape(w.Message)}\n");
        }

        return sb.ToString();
    }

    /// <summary>The source line closing every detail: the guideline in full with its link.</summary>
    public static string Cite(params Citation[] citations)
    {
        var sb = new StringBuilder("\n**Sources**\n\n");
        foreach (var c in citations.Distinct())
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {Escape(c.Reference)}{(c.Url is null ? "" : $" <{c.Url}>")}\n");
        }

        return sb.ToString();
    }

    public static string F(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>A proposal to order one laboratory test: a draft ServiceRequest with intent=proposal.</summary>
    public static CdsAction OrderTest(string patientId, LabTest test) => new("create", $"Order {test.Name} (LOINC {test.Loinc}).", new JsonObject
    {
        ["resourceType"] = "ServiceRequest",
        ["status"] = "draft",
        ["intent"] = "proposal",
        ["category"] = new JsonArray(new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = "108252007", ["display"] = "Laboratory procedure" }),
        }),
        ["code"] = new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = test.Loinc, ["display"] = test.Display }),
            ["text"] = test.Name,
        },
        ["subject"] = new JsonObject { ["reference"] = "Patient/" + patientId },
    });

    /// <summary>A suggestion ordering the given tests together.</summary>
    public static Suggestion OrderTests(string label, string patientId, IEnumerable<LabTest> tests) =>
        new(label, Guid.NewGuid().ToString(), true, tests.Select(t => OrderTest(patientId, t)).ToList());
}

/// <summary>A laboratory test to propose, by its preferred LOINC code (reference fhir-cds-hooks.md §3.2).</summary>
internal sealed record LabTest(string Name, string Loinc, string Display)
{
    public static readonly LabTest HbsAg = new("HBsAg", "5196-1", "Hepatitis B virus surface Ag [Presence] in Serum or Plasma by Immunoassay");
    public static readonly LabTest AntiHbc = new("anti-HBc (total)", "13952-7", "Hepatitis B virus core Ab [Presence] in Serum or Plasma by Immunoassay");
    public static readonly LabTest AntiHbs = new("anti-HBs", "16935-9", "Hepatitis B virus surface Ab [Units/volume] in Serum");
    public static readonly LabTest AntiHcv = new("anti-HCV", "13955-0", "Hepatitis C virus Ab [Presence] in Serum or Plasma by Immunoassay");
}
