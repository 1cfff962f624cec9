using System.Globalization;
using System.Text.Json;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>The <c>immunity</c> and <c>prevention</c> sections of the output contract (docs/output.md).</summary>
public static partial class AssessmentWriter
{
    /// <summary>The JSON name of a serostatus (kebab-case, stable).</summary>
    public static string SerostatusName(HbvSerostatus status) => status switch
    {
        HbvSerostatus.NotExposed => "not-exposed",
        HbvSerostatus.HbsAgPositive => "hbsag-positive",
        HbvSerostatus.HbsAgNegativeAntiHbcPositive => "hbsag-negative-anti-hbc-positive",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown serostatus."),
    };

    /// <summary>The JSON name of a reactivation action (kebab-case, stable).</summary>
    public static string ActionId(ReactivationAction action) => action switch
    {
        ReactivationAction.Prophylaxis => "prophylaxis",
        ReactivationAction.ProphylaxisOrMonitoring => "prophylaxis-or-monitoring",
        ReactivationAction.Monitoring => "monitoring",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action."),
    };

    /// <summary>The JSON name of a recommendation status (kebab-case, stable).</summary>
    public static string StatusId(RecommendationStatus status) => status switch
    {
        RecommendationStatus.DueNow => "due-now",
        RecommendationStatus.DueOn => "due-on",
        RecommendationStatus.Complete => "complete",
        RecommendationStatus.NotRecommended => "not-recommended",
        RecommendationStatus.Caution => "caution",
        RecommendationStatus.AfterRecovery => "after-recovery",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    private static void WriteImmunity(Utf8JsonWriter w, ImmunitySection section, Detail detail)
    {
        w.WriteStartObject(Names.Immunity);
        if (section.Serostatus is { } s)
        {
            w.WriteString(Names.HbvSerostatus, SerostatusName(s));
        }
        else
        {
            w.WriteNull(Names.HbvSerostatus);
        }

        w.WriteStartArray(Names.Reactivation);
        foreach (var r in section.Reactivation)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, Encoded.Of(r.Id));
            w.WriteString(Names.Medication, r.Medication);
            w.WriteString(Names.Class, Encoded.Of(MedicationClasses.IdOf(r.Class)));
            if (r.Band is { } band)
            {
                w.WriteString(Names.Band, band switch { RiskBand.High => "high"u8, RiskBand.Moderate => "moderate"u8, _ => "low"u8 });
            }
            else
            {
                w.WriteNull(Names.Band);
            }

            w.WriteString(Names.Action, Encoded.Of(ActionId(r.Action)));
            w.WriteString(Names.Text, r.Text);
            WriteSource(w, r.Source, detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteSignals(w, Names.Sbp, section.Sbp, detail);
        WriteSignals(w, Names.Observations, section.Observations, detail);
        WriteMissing(w, section.Missing);
        w.WriteEndObject();
    }

    private static void WritePrevention(Utf8JsonWriter w, PreventionSection section, Detail detail)
    {
        w.WriteStartObject(Names.Prevention);
        w.WriteStartArray(Names.Recommendations);
        foreach (var r in section.Items)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, Encoded.Of(r.Id));
            w.WriteString(Names.Status, Encoded.Of(StatusId(r.Status)));
            if (r.DueOn is { } due)
            {
                w.WriteString(Names.DueOn, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            w.WriteString(Names.Clinician, r.Clinician);
            if (detail == Detail.Full)
            {
                w.WriteString(Names.Patient, r.Patient);
            }

            WriteSource(w, r.Source, detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteMissing(w, section.Missing);
        w.WriteEndObject();
    }

    private static void WriteSignals(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<ImmuneSignal> signals, Detail detail)
    {
        w.WriteStartArray(name);
        foreach (var s in signals)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, Encoded.Of(s.Id));
            w.WriteString(Names.Text, s.Text);
            WriteSource(w, s.Source, detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteSource(Utf8JsonWriter w, Citation source, Detail detail)
    {
        if (detail == Detail.Full)
        {
            w.WritePropertyName(Names.Source);
            WriteCitation(w, source);
        }
        else
        {
            w.WriteString(Names.Source, Encoded.Of(source.Key));
        }
    }

    private static void WriteMissing(Utf8JsonWriter w, IReadOnlyList<string> missing)
    {
        if (missing.Count == 0)
        {
            return;
        }

        w.WriteStartArray(Names.Missing);
        foreach (var m in missing)
        {
            w.WriteStringValue(Encoded.Of(m));
        }

        w.WriteEndArray();
    }
}
