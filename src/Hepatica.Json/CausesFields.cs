using System.Globalization;
using System.Text.Json;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>The top-level inputs of the causes section (bmi, autoimmune, dili, alcohol) collected while reading.</summary>
internal sealed class CausesInputs
{
    public decimal? Bmi { get; set; }

    public AutoimmuneFindings Autoimmune { get; set; } = AutoimmuneFindings.Empty;

    public DrugInjuryFindings Dili { get; set; } = DrugInjuryFindings.Empty;

    public AlcoholFindings Alcohol { get; set; } = AlcoholFindings.Empty;
}

/// <summary>
/// Reads the causes keys of the snapshot (docs/snapshot.md): <c>bmi</c>, <c>autoimmune</c> (autoantibody titers as
/// "1:80", 80 or "negative"; IgG and its upper limit as lab objects in g/L or mg/dL; histology; viral hepatitis
/// excluded), <c>dili</c> and <c>alcohol</c> (AUDIT-C answers), with the same coded issues as the rest of the reader.
/// </summary>
public static partial class SnapshotReader
{
    // Keys 20-23 of the top-level "seen" bit mask (at most 31): 8-19 are left for other top-level keys.
    private const int CausesFirstKey = 20;
    private const string AutoimmuneKeys = "ana, sma, lkm, slaLp, igg, iggUpperLimit, histology, viralHepatitisExcluded";
    private const string DiliKeys = "noOtherExplanation, immuneCheckpointInhibitor, rucam";
    private const string RucamKeys = "timeToOnset, courseAfterCessation, alcohol, pregnancy, concomitantDrugs, alternativeCauses, previousHepatotoxicity, reexposure";
    private const string AlcoholKeys = "auditC";
    private const string AuditCKeys = "q1, q2, q3";
    private const string TiterAccepted = "a titer \"1:40\", its reciprocal as an integer (40), or \"negative\"";
    private const int MaximumTiter = 1_000_000;

    private static int CausesKey(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("bmi"u8) ? CausesFirstKey : reader.ValueTextEquals("autoimmune"u8) ? CausesFirstKey + 1
        : reader.ValueTextEquals("dili"u8) ? CausesFirstKey + 2 : reader.ValueTextEquals("alcohol"u8) ? CausesFirstKey + 3 : 0;

    private static void ReadCauses(ref Utf8JsonReader reader, int key, CausesInputs causes, List<InputIssue> issues)
    {
        switch (key)
        {
            case CausesFirstKey: causes.Bmi = ReadInRange(ref reader, "bmi", 5m, 150m, "kg/m²", issues); break;
            case CausesFirstKey + 1: causes.Autoimmune = ReadAutoimmune(ref reader, issues); break;
            case CausesFirstKey + 2: causes.Dili = ReadDili(ref reader, issues); break;
            default: causes.Alcohol = ReadAlcohol(ref reader, issues); break;
        }
    }

    private static AutoimmuneFindings ReadAutoimmune(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        var a = AutoimmuneFindings.Empty;
        if (!ExpectObject(ref reader, "autoimmune", issues))
        {
            return a;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Accept(ref reader, reader.ValueTextEquals("ana"u8) ? 1 : reader.ValueTextEquals("sma"u8) ? 2 : reader.ValueTextEquals("lkm"u8) ? 3
                : reader.ValueTextEquals("slaLp"u8) ? 4 : reader.ValueTextEquals("igg"u8) ? 5 : reader.ValueTextEquals("iggUpperLimit"u8) ? 6
                : reader.ValueTextEquals("histology"u8) ? 7 : reader.ValueTextEquals("viralHepatitisExcluded"u8) ? 8 : 0, ref seen, "autoimmune.", AutoimmuneKeys, issues);
            if (key == 0)
            {
                continue;
            }

            a = key switch
            {
                1 => a with { AnaTiter = ReadTiter(ref reader, "autoimmune.ana", issues) },
                2 => a with { SmaTiter = ReadTiter(ref reader, "autoimmune.sma", issues) },
                3 => a with { LkmTiter = ReadTiter(ref reader, "autoimmune.lkm", issues) },
                4 => a with { SlaLpPositive = ReadBool(ref reader, "autoimmune.slaLp", issues) },
                5 => a with { IgG = ReadIgG(ref reader, "autoimmune.igg", issues) },
                6 => a with { IgGUpperLimit = ReadIgG(ref reader, "autoimmune.iggUpperLimit", issues) },
                7 => a with { Histology = ReadHistology(ref reader, issues) },
                _ => a with { ViralHepatitisExcluded = ReadBool(ref reader, "autoimmune.viralHepatitisExcluded", issues) },
            };
        }

        return a;
    }

    /// <summary>A titer as "1:80", 80 or "negative" (0); anything else SNP004/SNP002.</summary>
    private static int? ReadTiter(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt32(out var n) && n is >= 0 and <= MaximumTiter ? n : InvalidTiter(JsonInput.EchoNumber(reader.ValueSpan) + " is out of range:", path, issues);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return Invalid<int>(ref reader, path, TiterAccepted, issues);
        }

        var text = reader.GetString()!.Trim();
        if (text.Equals("negative", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return text.StartsWith("1:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is > 0 and <= MaximumTiter
            ? t
            : InvalidTiter("\"" + JsonInput.Echo(text) + "\" is not accepted:", path, issues);
    }

    private static int? InvalidTiter(string shown, string path, List<InputIssue> issues)
    {
        issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} {shown} expected {TiterAccepted}."));
        return null;
    }

    private static ImmunoglobulinG? ReadIgG(ref Utf8JsonReader reader, string path, List<InputIssue> issues) =>
        ReadLabValue(ref reader, path, issues, out var value, out var unit, out _, out _) && ImmunoglobulinG.TryRead(value, unit, path, issues, out var igg) ? igg : null;

    private static AihHistology? ReadHistology(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        const string Path = "autoimmune.histology", Accepted = "one of typical, compatible, atypical";
        return reader.TokenType != JsonTokenType.String ? Invalid<AihHistology>(ref reader, Path, Accepted, issues)
            : reader.ValueTextEquals("typical"u8) ? AihHistology.Typical
            : reader.ValueTextEquals("compatible"u8) ? AihHistology.Compatible
            : reader.ValueTextEquals("atypical"u8) ? AihHistology.Atypical
            : Invalid<AihHistology>(ref reader, Path, Accepted, issues);
    }

    private static DrugInjuryFindings ReadDili(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        var d = DrugInjuryFindings.Empty;
        if (!ExpectObject(ref reader, "dili", issues))
        {
            return d;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Accept(ref reader, reader.ValueTextEquals("noOtherExplanation"u8) ? 1 : reader.ValueTextEquals("immuneCheckpointInhibitor"u8) ? 2
                : reader.ValueTextEquals("rucam"u8) ? 3 : 0, ref seen, "dili.", DiliKeys, issues);
            if (key == 0)
            {
                continue;
            }

            d = key switch
            {
                1 => d with { NoOtherExplanation = ReadBool(ref reader, "dili.noOtherExplanation", issues) },
                2 => d with { ImmuneCheckpointInhibitor = ReadBool(ref reader, "dili.immuneCheckpointInhibitor", issues) },
                _ => ReadRucam(ref reader, d, issues),
            };
        }

        return d;
    }

    private static DrugInjuryFindings ReadRucam(ref Utf8JsonReader reader, DrugInjuryFindings d, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, "dili.rucam", issues))
        {
            return d;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Accept(ref reader, reader.ValueTextEquals("timeToOnset"u8) ? 1 : reader.ValueTextEquals("courseAfterCessation"u8) ? 2
                : reader.ValueTextEquals("alcohol"u8) ? 3 : reader.ValueTextEquals("pregnancy"u8) ? 4
                : reader.ValueTextEquals("concomitantDrugs"u8) ? 5 : reader.ValueTextEquals("alternativeCauses"u8) ? 6
                : reader.ValueTextEquals("previousHepatotoxicity"u8) ? 7 : reader.ValueTextEquals("reexposure"u8) ? 8 : 0, ref seen, "dili.rucam.", RucamKeys, issues);
            if (key == 0)
            {
                continue;
            }

            d = key switch
            {
                1 => d with { RucamTimeToOnset = ReadChoice(ref reader, "dili.rucam.timeToOnset", TimeToOnsetChoices, issues) },
                2 => d with { RucamCourse = ReadChoice(ref reader, "dili.rucam.courseAfterCessation", CourseChoices, issues) },
                3 => d with { RucamAlcohol = ReadBool(ref reader, "dili.rucam.alcohol", issues) },
                4 => d with { RucamPregnancy = ReadBool(ref reader, "dili.rucam.pregnancy", issues) },
                5 => d with { RucamConcomitant = ReadChoice(ref reader, "dili.rucam.concomitantDrugs", ConcomitantChoices, issues) },
                6 => d with { RucamAlternativeCauses = ReadChoice(ref reader, "dili.rucam.alternativeCauses", AlternativeCauseChoices, issues) },
                7 => d with { RucamPreviousHepatotoxicity = ReadChoice(ref reader, "dili.rucam.previousHepatotoxicity", PreviousChoices, issues) },
                _ => d with { RucamReexposure = ReadChoice(ref reader, "dili.rucam.reexposure", ReexposureChoices, issues) },
            };
        }

        return d;
    }

    // The spellings are the RUCAM points tables' own (one row per selection: points, words and spelling).
    private static readonly (string Text, RucamTimeToOnset Value)[] TimeToOnsetChoices = Spellings(Rucam.TimeToOnset.Rows);

    private static readonly (string Text, RucamCourse Value)[] CourseChoices = Spellings(Rucam.Courses);

    private static readonly (string Text, RucamConcomitant Value)[] ConcomitantChoices = Spellings(Rucam.Concomitant.Rows);

    private static readonly (string Text, RucamAlternativeCauses Value)[] AlternativeCauseChoices = Spellings(Rucam.AlternativeCauses.Rows);

    private static readonly (string Text, RucamPreviousHepatotoxicity Value)[] PreviousChoices = Spellings(Rucam.PreviousHepatotoxicity.Rows);

    private static readonly (string Text, RucamReexposure Value)[] ReexposureChoices = Spellings(Rucam.Reexposure.Rows);

    private static (string Text, T Value)[] Spellings<T>(IEnumerable<Choice<T>> rows)
        where T : struct, Enum => [.. rows.Select(r => (r.Text, r.Value))];

    /// <summary>One of a fixed set of strings (SNP004 otherwise, SNP002 when not a string).</summary>
    private static T? ReadChoice<T>(ref Utf8JsonReader reader, string path, (string Text, T Value)[] choices, List<InputIssue> issues)
        where T : struct
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var (text, value) in choices)
            {
                if (reader.ValueTextEquals(text))
                {
                    return value;
                }
            }
        }

        return Invalid<T>(ref reader, path, "one of " + string.Join(", ", choices.Select(c => c.Text)), issues);
    }

    private static AlcoholFindings ReadAlcohol(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        var a = AlcoholFindings.Empty;
        if (!ExpectObject(ref reader, "alcohol", issues))
        {
            return a;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("auditC"u8))
            {
                Unknown(ref reader, "alcohol.", AlcoholKeys, issues);
                continue;
            }

            if (Repeated(ref reader, ref seen, 1, "alcohol.", issues))
            {
                continue;
            }

            reader.Read();
            if (!ExpectObject(ref reader, "alcohol.auditC", issues))
            {
                continue;
            }

            var answers = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var q = reader.ValueTextEquals("q1"u8) ? 1 : reader.ValueTextEquals("q2"u8) ? 2 : reader.ValueTextEquals("q3"u8) ? 3 : 0;
                if (q == 0)
                {
                    Unknown(ref reader, "alcohol.auditC.", AuditCKeys, issues);
                    continue;
                }

                if (Repeated(ref reader, ref answers, q, "alcohol.auditC.", issues))
                {
                    continue;
                }

                reader.Read();
                var points = ReadAnswer(ref reader, $"alcohol.auditC.q{q}", issues);
                a = q switch
                {
                    1 => a with { AuditCQ1 = points },
                    2 => a with { AuditCQ2 = points },
                    _ => a with { AuditCQ3 = points },
                };
            }
        }

        return a;
    }

    /// <summary>An AUDIT-C answer: an integer 0-4 (SNP004 outside, SNP002 when not a number).</summary>
    private static int? ReadAnswer(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) && n is >= 0 and <= 4)
        {
            return n;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} {JsonInput.EchoNumber(reader.ValueSpan)} is out of range: an AUDIT-C answer is an integer 0 to 4."));
            return null;
        }

        WrongType<object>(ref reader, path, "an integer 0 to 4", issues);
        return null;
    }
}
