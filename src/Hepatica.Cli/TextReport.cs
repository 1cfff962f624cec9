using System.Globalization;
using System.Text;
using Hepatica.Clinical;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using Hepatica.Json;

namespace Hepatica.Cli;

/// <summary>
/// The human-readable report: scores with categories, what could not be computed and why, the issues, sources.
/// Text from the input (the id, issue paths and messages, reasons) is escaped for the terminal (<see cref="TerminalText"/>);
/// the caller escapes the whole report once more as a safety net.
/// </summary>
internal static class TextReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The profile line of the header: which guideline profile, and its one allocation (or listing) score.</summary>
    private static void AppendProfile(StringBuilder sb, Assessment assessment)
    {
        var a = assessment.Allocation;
        var name = ScoreCatalog.Find(a.ScoreId)?.Definition.Name ?? a.ScoreId;
        sb.Append("Profile ").Append(GuidelineProfiles.IdOf(assessment.Profile)).Append(" (").Append(GuidelineProfiles.SourcesOf(assessment.Profile)).Append("): ")
          .Append(a.Kind == ScoreRoleKind.Listing ? "the listing score is " : "the allocation MELD is ").Append(name).Append(" (").Append(a.Source.Key).Append(')')
          .AppendLine(a.Kind == ScoreRoleKind.Listing ? "; no MELD allocates" : string.Empty);
    }

    public static string Render(Assessment assessment, AsOf asOf, bool explain)
    {
        var s = assessment.Snapshot;
        var sb = new StringBuilder();
        var who = string.Join(", ", new[]
        {
            s.Sex?.ToString().ToLowerInvariant(),
            s.AgeYears is { } age ? age.ToString("0.#", Inv) + " years" : null,
        }.Where(x => x is not null));
        sb.Append("Hepatica assessment: ").Append(s.Id is null ? "(no id)" : TerminalText.Escape(s.Id));
        if (who.Length > 0)
        {
            sb.Append(" (").Append(who).Append(')');
        }

        sb.AppendLine();
        sb.Append("Hepatica ").Append(Engine.Version).Append("; as of ").Append(asOf.Text).Append(" (").Append(AsOfWords(asOf)).AppendLine(")");
        AppendProfile(sb, assessment);
        sb.AppendLine();
        // The input's errors and warnings first, before any score (issue 11 s.3): a unit mix-up must be read before a
        // result it changed or blanked. The CLI also writes them to standard error.
        AppendIssues(sb, "Errors (values not used)", s.Issues.Where(i => i.Severity == IssueSeverity.Error));
        AppendIssues(sb, "Warnings", s.Issues.Where(i => i.Severity == IssueSeverity.Warning));
        // Ranged scores (a small-domain finding missing: issue 11 s.2) stand in the table with their range, in catalog order.
        var calculated = assessment.Outcomes.Where(o => o.Status is OutcomeStatus.Calculated or OutcomeStatus.Range).ToList();
        if (calculated.Count > 0)
        {
            sb.AppendLine("Scores");
            var width = calculated.Max(o => o.Definition.Name.Length);
            foreach (var o in calculated)
            {
                if (o.Range is { } range)
                {
                    AppendRange(sb, o, range, width, explain);
                    continue;
                }

                var r = o.Result!;
                // Criteria (King's College, Hy's law) read "met" / "not met" with the criteria that met, never "1" / "0".
                var criteria = Criteria.IsCriteria(o.Definition);
                sb.Append("  ").Append(o.Definition.Name.PadRight(width)).Append("  ").Append((criteria ? Criteria.Word(r) : Number(r.Value)).PadLeft(7));
                var notes = new List<string>();
                if (r.Category is not null && !(criteria && r.Category.StartsWith("criteria ", StringComparison.Ordinal)))
                {
                    notes.Add(o.Definition.Id == ChildPugh.Definition.Id ? "class " + r.Category : r.Category);
                }

                if (criteria && Criteria.MetCriteria(r) is { Count: > 0 } met)
                {
                    notes.Add((r.Value == 1m ? "criteria met: " : "only these met: ") + string.Join("; ", met));
                }

                if (r.Extras.TryGetValue(Meld3.Survival90DayExtra, out var survival))
                {
                    // One prognosis wording throughout (docs/output.md): mortality; Kim 2021 publishes survival, so 1 − survival.
                    notes.Add($"90-day mortality {ClinicalMath.RoundHalfAwayFromZero((1m - survival) * 100m, 1).ToString("0.0", Inv)}%");
                }

                if (r.Extras.TryGetValue(Meld3.UncappedExtra, out var uncapped) && uncapped != r.Value)
                {
                    notes.Add($"{Number(uncapped)} before the OPTN cap of 40");
                }

                if (assessment.RoleOf(o.Definition) is { } role)
                {
                    notes.Insert(0, role.Text); // which MELD allocates under the profile, and what the others are (docs/transplant.md)
                }

                if (o.Immaterial.Count > 0)
                {
                    notes.Add($"{string.Join(", ", o.Immaterial)} not given: did not matter");
                }

                if (notes.Count > 0)
                {
                    sb.Append("   ").Append(string.Join("; ", notes));
                }

                sb.AppendLine();
                foreach (var w in r.Warnings)
                {
                    sb.Append("      warning: ").AppendLine(TerminalText.Escape(w.Message));
                }

                if (explain)
                {
                    foreach (var step in r.Steps)
                    {
                        sb.Append("      ").Append(AssessmentWriter.KindName(step.Kind).PadRight(12)).Append(step.Label);
                        if (step.Value is { } v)
                        {
                            sb.Append(" = ").Append(Breakdown.F(v));
                        }

                        sb.Append("   ").AppendLine(step.Detail);
                    }

                    sb.Append("      sources: ").AppendLine(string.Join("; ", o.Definition.Citations.Select(c => c.Key)));
                    sb.AppendLine();
                }
            }

            sb.AppendLine();
        }

        AppendList(sb, "Conflicting interpretations", "  ", assessment.Conflicts.Select(c => c.Text));

        var transplant = assessment.Transplant;
        if (transplant.Signals.Count > 0 || transplant.Possible.Count > 0 || transplant.Missing.Count > 0)
        {
            sb.AppendLine("Transplant referral signals (decision support; the transplant team decides)");
            foreach (var signal in transplant.Signals)
            {
                sb.Append("  ").Append(signal.Urgency == Hepatica.Clinical.Transplant.SignalUrgency.Urgent ? "URGENT  " : "refer   ")
                  .Append(signal.Reason).Append(" (").Append(signal.Source.Key).AppendLine(")");
            }

            foreach (var p in transplant.Possible)
            {
                var reason = p.Signal.Reason.StartsWith("Possible: ", StringComparison.Ordinal) ? p.Signal.Reason["Possible: ".Length..] : p.Signal.Reason;
                sb.Append("  possible ").Append(reason).Append(" (").Append(p.Signal.Source.Key).AppendLine(")");
            }

            var unjudged = transplant.Missing.Except(transplant.Possible.SelectMany(p => p.SettledBy)).ToList();
            if (unjudged.Count > 0)
            {
                sb.Append("  not judged: give ").Append(string.Join(", ", unjudged)).AppendLine(" to decide whether the cirrhosis signals apply");
            }

            sb.AppendLine();
        }

        AppendSerology(sb, assessment.Serology);
        AppendImmunity(sb, assessment.Immunity);
        AppendPrevention(sb, assessment.Prevention);

        // Scores none of whose inputs were given are listed by name only (their inputs: `hepatica scores`, or the JSON
        // output, which always names every missing input); the rest say exactly what is missing or why they do not apply.
        // Of the rest, only the scores relevant to the patient's context are listed in full (docs/output.md, "Not
        // calculated"): a score for a setting the snapshot does not record (King's College without acute liver failure,
        // the alcohol-hepatitis scores without that diagnosis, PELD from 12) goes on one "also not calculated" line.
        var untouched = assessment.Outcomes.Where(NothingGiven).ToList();
        var notCalculated = assessment.Outcomes.Where(o => o.Status is OutcomeStatus.NotCalculable or OutcomeStatus.NotApplicable && !NothingGiven(o)).ToList();
        var others = notCalculated.Where(o => o.Definition.Population.IsRelevant(s)).ToList();
        var elsewhere = notCalculated.Where(o => !o.Definition.Population.IsRelevant(s)).ToList();
        if (others.Count > 0)
        {
            sb.AppendLine("Not calculated");

            // Scores outside their population for the same reason share one line (the MELD family in acute liver failure,
            // the fibrosis scores in cirrhosis), at the place of the first of them.
            var sameReason = others.Where(o => o.Status == OutcomeStatus.NotApplicable).GroupBy(o => o.Reason, StringComparer.Ordinal)
                .ToDictionary(g => g.First(), g => g.ToList());
            foreach (var o in others)
            {
                if (o.Status == OutcomeStatus.NotApplicable && !sameReason.ContainsKey(o))
                {
                    continue;
                }

                var names = o.Status == OutcomeStatus.NotApplicable ? sameReason[o].Select(x => x.Definition.Name) : [o.Definition.Name];
                sb.Append("  ").Append(string.Join(", ", names)).Append(": ");
                if (o.Status == OutcomeStatus.NotCalculable)
                {
                    // Name inputs that were given but could not be used, so the reader looks at the errors below.
                    var named = o.Missing.Select(m => s.Issues.Any(i => i.Severity == IssueSeverity.Error && (i.Path == m || i.Path.StartsWith(m + ".", StringComparison.Ordinal)))
                        ? m + " (not usable, see errors)"
                        : m);
                    sb.Append("missing ").AppendLine(string.Join(", ", named));
                }
                else
                {
                    sb.AppendLine(TerminalText.Escape(o.Reason));
                }
            }

            sb.AppendLine();
        }

        if (elsewhere.Count > 0)
        {
            // One line: each score with the setting that would make it relevant, grouped by that setting.
            sb.AppendLine("Also not calculated (for a setting this snapshot does not record)");
            sb.Append("  ").AppendLine(string.Join("; ", elsewhere.GroupBy(o => o.Definition.Population.RelevantWhen!.Name)
                .Select(g => "for " + g.Key + ": " + string.Join(", ", g.Select(o => o.Definition.Name)))));
            sb.AppendLine();
        }

        if (untouched.Count > 0)
        {
            sb.AppendLine("Not assessed (none of their inputs given)");
            sb.Append("  ").AppendLine(string.Join("; ", untouched.Select(o => o.Definition.Name)));
            sb.AppendLine();
        }

        sb.AppendLine("Sources");
        foreach (var c in assessment.Outcomes.Where(o => o.Status is OutcomeStatus.Calculated or OutcomeStatus.Range).SelectMany(o => o.Definition.Citations).Concat(transplant.Signals.Select(x => x.Source))
            .Concat(assessment.Serology.Interpretations.SelectMany(i => i.Sources))
            .Concat(assessment.Immunity.Reactivation.Select(x => x.Source))
            .Concat(assessment.Immunity.Sbp.Concat(assessment.Immunity.Observations).Select(x => x.Source))
            .Concat(assessment.Prevention.Items.Select(x => x.Source)).Distinct())
        {
            sb.Append("  ").Append(c.Key).Append(": ").AppendLine(c.Reference);
        }

        sb.AppendLine();
        sb.AppendLine("Decision support for clinicians: check the inputs, and read each score against its source and the patient.");
        return sb.ToString();
    }

    /// <summary>
    /// A ranged score's line (issue 11 s.2): <c>MELD 3.0  26-32   26 without dialysis, 32 with dialysis; give
    /// findings.dialysisTwiceInPastWeek</c>, the wording of <see cref="RangeText"/>; with --explain, every alternative.
    /// </summary>
    private static void AppendRange(StringBuilder sb, ScoreOutcome o, ScoreRange range, int width, bool explain)
    {
        var shared = RangeText.SharedCategory(o.Definition, range) is { } c ? (o.Definition.Id == ChildPugh.Definition.Id ? "class " + c : c) + " for every value; " : string.Empty;
        sb.Append("  ").Append(o.Definition.Name.PadRight(width)).Append("  ").Append(RangeText.Span(o.Definition, range).PadLeft(7))
          .Append("   ").Append(shared).Append(RangeText.Alternatives(o.Definition, range)).Append("; ").AppendLine(RangeText.Settle(range));
        if (range.Immaterial.Count > 0)
        {
            sb.Append("      not given, did not matter: ").AppendLine(string.Join(", ", range.Immaterial));
        }

        // The alternatives' warnings (a population assumption is on every one), each once.
        foreach (var message in range.Results.SelectMany(r => r.Warnings).Select(w => w.Message).Distinct(StringComparer.Ordinal))
        {
            sb.Append("      warning: ").AppendLine(TerminalText.Escape(message));
        }

        if (explain)
        {
            foreach (var a in range.Alternatives)
            {
                sb.Append("      ").Append("alternative".PadRight(12)).AppendLine(RangeText.One(o.Definition, a));
            }

            sb.Append("      sources: ").AppendLine(string.Join("; ", o.Definition.Citations.Select(c => c.Key)));
            sb.AppendLine();
        }
    }

    /// <summary>The "Viral hepatitis" section: each interpretation for the clinician, then for the patient, and the tests to order.</summary>
    private static void AppendSerology(StringBuilder sb, Hepatica.Clinical.Serology.SerologySection section)
    {
        if (section.Interpretations.Count == 0)
        {
            return;
        }

        sb.AppendLine("Viral hepatitis (decision support; read with the history and the clinician)");
        foreach (var i in section.Interpretations)
        {
            sb.Append("  ").Append(i.Topic).Append(": ").Append(i.Category).Append(" (").Append(string.Join("; ", i.Sources.Select(c => c.Key))).AppendLine(")");
            sb.Append("    ").AppendLine(i.Clinician);
            sb.Append("    for the patient: ").AppendLine(i.Patient);
            foreach (var next in i.NextTests)
            {
                sb.Append("    next: ").AppendLine(next);
            }
        }

        sb.AppendLine();
    }

    /// <summary>Not calculable, and every required input is among the missing ones, or holds one.</summary>
    private static bool NothingGiven(ScoreOutcome o) =>
        o.Status == OutcomeStatus.NotCalculable
        && o.Definition.Inputs.Where(i => i.Required).Select(i => i.Path)
            .All(i => o.Missing.Any(m => m == i || m.StartsWith(i + ".", StringComparison.Ordinal) || m.StartsWith(i + "[", StringComparison.Ordinal)));

    public static string RenderCatalog()
    {
        var sb = new StringBuilder();
        foreach (var def in ScoreCatalog.All.Select(e => e.Definition))
        {
            sb.Append(def.Id).Append("  v").Append(def.Version).Append("  ").AppendLine(def.Name);
            var range = (def.Minimum == decimal.MinValue, def.Maximum) switch
            {
                (true, null) => "no published bounds",
                (true, { } max) => "at most " + Number(max),
                (false, null) => "from " + Number(def.Minimum) + ", no upper bound",
                (false, { } max) => Number(def.Minimum) + " to " + Number(max),
            };
            sb.Append("    range: ").AppendLine(range);
            sb.Append("    rounding: ").AppendLine(def.Rounding);
            sb.Append("    inputs: ").AppendLine(string.Join(", ", def.Inputs));
            foreach (var c in def.Citations)
            {
                sb.Append("    source: ").AppendLine(c.Reference);
            }

            AppendPopulation(sb, def.Population);
            sb.AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>Who the score is for (issue 11 s.1): the sentence, then each gate checked on a snapshot with its source.</summary>
    private static void AppendPopulation(StringBuilder sb, Population population)
    {
        sb.Append("    population: ").AppendLine(population.Description);
        foreach (var g in population.Gates)
        {
            sb.Append("      not applicable when ").Append(g.Required ? g.Question.Negation : g.Question.Name)
              .Append(" (").Append(g.Source.Key).Append("); unknown: assumed ").Append(g.Assumed)
              .Append(", settled by ").AppendLine(g.Question.SettledBy);
        }
    }

    private static void AppendImmunity(StringBuilder sb, ImmunitySection immunity)
    {
        if (immunity.IsEmpty)
        {
            return;
        }

        sb.AppendLine("Immune side (decision support)");
        if (immunity.Serostatus is { } status)
        {
            sb.Append("  HBV serostatus: ").AppendLine(AssessmentWriter.SerostatusName(status));
        }

        foreach (var r in immunity.Reactivation)
        {
            var band = r.Band is { } b ? b.ToString().ToLowerInvariant() + " risk" : "not banded";
            sb.Append("  HBV reactivation, ").Append(band).Append(": ").Append(r.Text).Append(" (").Append(r.Source.Key).AppendLine(")");
        }

        foreach (var x in immunity.Sbp)
        {
            sb.Append("  SBP prophylaxis (").Append(x.Id).Append("): ").Append(x.Text).Append(" (").Append(x.Source.Key).AppendLine(")");
        }

        foreach (var x in immunity.Observations)
        {
            sb.Append("  observation: ").Append(x.Text).Append(" (").Append(x.Source.Key).AppendLine(")");
        }

        if (immunity.Missing.Count > 0)
        {
            sb.Append("  not judged: give ").AppendLine(string.Join(", ", immunity.Missing));
        }

        sb.AppendLine();
    }

    private static void AppendPrevention(StringBuilder sb, PreventionSection prevention)
    {
        if (prevention.IsEmpty)
        {
            return;
        }

        sb.AppendLine("Prevention plan (ACIP adult schedule; decision support)");
        foreach (var r in prevention.Items)
        {
            var status = AssessmentWriter.StatusId(r.Status) + (r.Status == RecommendationStatus.DueOn && r.DueOn is { } d ? " " + d.ToString("yyyy-MM-dd", Inv) : string.Empty);
            sb.Append("  ").Append(status.PadRight(18)).Append(r.Clinician).Append(" (").Append(r.Source.Key).AppendLine(")");
        }

        if (prevention.Missing.Count > 0)
        {
            sb.Append("  not judged: give ").AppendLine(string.Join(", ", prevention.Missing));
        }

        sb.AppendLine();
        AppendList(sb, "Prevention plan for the patient (plain language)", "  - ", prevention.Items.Select(r => r.Patient));
    }

    private static void AppendIssues(StringBuilder sb, string title, IEnumerable<InputIssue> issues) =>
        AppendList(sb, title, "  ", issues.Select(i => $"{i.Code} {TerminalText.Escape(i.Path)}: {TerminalText.Escape(i.Message)}"));

    /// <summary>A titled list, one <paramref name="bullet"/>ed line per item and a blank line after; nothing when empty.</summary>
    private static void AppendList(StringBuilder sb, string title, string bullet, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        sb.AppendLine(title);
        foreach (var line in list)
        {
            sb.Append(bullet).AppendLine(line);
        }

        sb.AppendLine();
    }

    /// <summary>The value as the score reports it (up to 6 decimals: Lille reports 3, which "0.##" cut to 2).</summary>
    private static string Number(decimal value) => Breakdown.F(value);

    /// <summary>Where the as-of came from, in words (the JSON says <c>asOfSource</c>).</summary>
    private static string AsOfWords(AsOf asOf) => asOf.Source switch
    {
        AsOfSource.AssessmentDate => "the snapshot's assessmentDate",
        AsOfSource.FhirAsOf => "FHIR data read as of --as-of",
        AsOfSource.RunTime => "no assessmentDate given: the time of this run",
        _ => throw new ArgumentOutOfRangeException(nameof(asOf), asOf.Source, "Unknown as-of source."),
    };
}
