using System.Globalization;
using System.Text;
using System.Text.Json;
using Hepatica.Clinical;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>The result of reading one snapshot document: the snapshot (null when the document is unreadable) and every issue found.</summary>
/// <param name="Snapshot">The validated snapshot, or null when the document is not a readable JSON object.</param>
/// <param name="Issues">Every error and warning, in document order.</param>
public sealed record SnapshotReadResult(PatientSnapshot? Snapshot, IReadOnlyList<InputIssue> Issues);

/// <summary>
/// Reads the patient snapshot JSON contract (docs/snapshot.md) with <see cref="Utf8JsonReader"/>, reporting every
/// problem as a coded issue and never stopping at the first: malformed JSON, wrong types, unknown keys (warnings),
/// keys given twice, missing or unknown units, impossible values. Unusable values are left out of the snapshot.
/// Known keys are matched on their UTF-8 bytes, so a clean document allocates little beyond the snapshot itself.
/// </summary>
public static partial class SnapshotReader
{
    private const string TopKeys = "id, sex, ageYears, ageAtListingYears, labs, findings, series, serology, assessmentDate, medications, vaccinations, history, bmi, autoimmune, dili, alcohol";
    private const string FindingKeys = "ascites, encephalopathyGrade, dialysisTwiceInPastWeek, cholestaticLiverDisease, fattyLiverDisease, "
        + "cirrhosis, varicealBleeding, meanArterialPressure, vasopressors, pao2Fio2, spo2Fio2, mechanicalVentilation, "
        + "ventilationForEncephalopathy, renalReplacementTherapy, acuteLiverFailureCause, jaundiceToEncephalopathyDays, growthFailure, alcoholAssociatedHepatitis, "
        + "corticosteroidStartDate, diabetesOrImpairedFastingGlucose, chronicLiverDisease, acuteLiverFailure, intensiveCare";
    private const string AlfCauses = "one of acetaminophen, hepatitis-a, hepatitis-b, indeterminate, halothane, drug-reaction, wilson, autoimmune-hepatitis, other";
    /// <summary>At most this many issues of one code are reported per document; one more issue of that code says how many were left out.</summary>
    public const int MaxIssuesPerCode = JsonInput.MaxIssuesPerCode;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 };

    /// <summary>
    /// Reads one snapshot from UTF-8 JSON (a leading byte order mark is skipped). Never throws for bad input: an
    /// undecodable escape such as a lone surrogate <c>\ud800</c> is SNP001 with its line and byte, like any syntax error.
    /// At most <see cref="MaxIssuesPerCode"/> issues of one code are listed, then one saying how many more there were.
    /// </summary>
    public static SnapshotReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        var issues = new IssueCounter();
        utf8Json = JsonInput.WithoutBom(utf8Json);
        if (IsBlank(utf8Json))
        {
            issues.Add(InputIssue.Error(IssueCodes.EmptyInput, "$", "The input is empty: expected a snapshot JSON object."));
            return new SnapshotReadResult(null, issues);
        }

        // Utf8JsonReader checks UTF-8 only when a string is decoded, and then throws InvalidOperationException, not
        // JsonException: refuse a document that is not UTF-8 here, once, as malformed. Likewise an escape that is not
        // UTF-16 text (a lone surrogate), which it tokenises and only refuses when the string is read or compared.
        if (JsonInput.FindUndecodable(utf8Json) is { } escape)
        {
            issues.Add(InputIssue.Error(IssueCodes.MalformedJson, "$", escape));
            return new SnapshotReadResult(null, issues);
        }

        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                issues.Add(InputIssue.Error(IssueCodes.WrongType, "$", $"Expected a JSON object, found {Describe(reader.TokenType)}."));
                return new SnapshotReadResult(null, issues);
            }

            var snapshot = ReadSnapshot(ref reader, issues);
            if (reader.Read())
            {
                issues.Add(InputIssue.Error(IssueCodes.MalformedJson, "$", $"Unexpected content after the snapshot object at byte {reader.TokenStartIndex + 1}."));
                return new SnapshotReadResult(null, JsonInput.Cap(issues));
            }

            var capped = JsonInput.Cap(issues);
            return new SnapshotReadResult(ReferenceEquals(capped, issues) ? snapshot : snapshot with { Issues = capped }, capped);
        }
        catch (JsonException e)
        {
            issues.Add(InputIssue.Error(IssueCodes.MalformedJson, "$", $"Malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}"));
            return new SnapshotReadResult(null, JsonInput.Cap(issues));
        }
    }

    /// <summary>Reads one snapshot from a string.</summary>
    public static SnapshotReadResult Read(string json) => Read(Encoding.UTF8.GetBytes(json ?? string.Empty));

    private static PatientSnapshot ReadSnapshot(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        string? id = null;
        Sex? sex = null;
        decimal? age = null, ageAtListing = null;
        var labs = LabPanel.Empty;
        var findings = ClinicalFindings.Empty;
        var serology = Hepatica.Clinical.Serology.SerologyPanel.Empty;
        var series = new SeriesBuilder();
        var immune = new ImmuneInputs();
        var causes = new CausesInputs();
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Accept(ref reader, TopKey(ref reader), ref seen, string.Empty, TopKeys, issues);
            if (key == 0)
            {
                continue;
            }

            switch (key)
            {
                case 1:
                    id = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => WrongType<string>(ref reader, "id", "a string", issues),
                    };
                    break;
                case 2:
                    sex = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("female"u8) ? Sex.Female
                        : reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("male"u8) ? Sex.Male
                        : Invalid<Sex>(ref reader, "sex", "one of female, male", issues);
                    break;
                case 3:
                    age = ReadNumber(ref reader, "ageYears", AgeRange, issues, IssueCodes.ImpossibleValue) is { } a ? CheckAge(a, "ageYears", issues) : null;
                    break;
                case 4:
                    labs = ReadLabs(ref reader, series, issues);
                    break;
                case 5:
                    findings = ReadFindings(ref reader, issues);
                    break;
                case 7:
                    ReadSeries(ref reader, series, issues);
                    break;
                case 8:
                    serology = ReadSerology(ref reader, issues);
                    break;
                case 9:
                    immune.AssessmentDate = ReadDate(ref reader, "assessmentDate", issues);
                    break;
                case 10:
                    ReadMedications(ref reader, immune, issues);
                    break;
                case 11:
                    ReadVaccinations(ref reader, immune, issues);
                    break;
                case 12:
                    immune.History = ReadHistory(ref reader, issues);
                    break;
                case >= CausesFirstKey:
                    ReadCauses(ref reader, key, causes, issues);
                    break;
                default:
                    ageAtListing = ReadNumber(ref reader, "ageAtListingYears", AgeRange, issues, IssueCodes.ImpossibleValue) is { } l ? CheckAge(l, "ageAtListingYears", issues) : null;
                    break;
            }
        }

        if (age is { } now && ageAtListing is { } listed && listed > now)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, "ageAtListingYears", $"Age at listing {Breakdown.F(listed)} years is after the current age {Breakdown.F(now)} years; not used."));
            ageAtListing = null;
        }

        // Delta checks against the patient's own dated values (issue 11 s.3), once in the core: a later result that
        // no physiology explains is an error (LAB007) and is used neither in its series nor, when current, by any score.
        var (dated, checkedLabs) = DeltaCheck.Apply(series.Build(issues), labs, issues);
        return new PatientSnapshot
        {
            Id = id, Sex = sex, AgeYears = age, AgeAtListingYears = ageAtListing, Labs = checkedLabs, Series = dated, Findings = findings,
            Serology = serology, Bmi = causes.Bmi, Autoimmune = causes.Autoimmune, Dili = causes.Dili, Alcohol = causes.Alcohol,
            AssessmentDate = immune.AssessmentDate, Medications = immune.Medications, Vaccinations = [.. immune.Vaccinations.OrderBy(v => v.Date)],
            History = immune.History, Issues = issues,
        };
    }

    private static readonly string AgeRange = $"0 to {PlausibilityLimits.MaximumAgeYears} years";

    private static decimal? CheckAge(decimal age, string path, List<InputIssue> issues)
    {
        if (age < 0m || age > PlausibilityLimits.MaximumAgeYears)
        {
            issues.Add(InputIssue.Error(IssueCodes.ImpossibleValue, path, $"Age {age.ToString(CultureInfo.InvariantCulture)} years is impossible: expected 0 to {PlausibilityLimits.MaximumAgeYears}."));
            return null;
        }

        return age;
    }

    private static LabPanel ReadLabs(ref Utf8JsonReader reader, SeriesBuilder series, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, "labs", issues))
        {
            return LabPanel.Empty;
        }

        var labs = new LabPanelBuilder();
        List<(LabKey Key, DateOnly Date, string Path)>? dated = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = LabFields.Match(ref reader);
            if (key == LabKey.Unknown)
            {
                Unknown(ref reader, "labs.", LabFields.KnownList, issues);
                continue;
            }

            var path = LabFields.Path(key);
            if (Repeated(ref reader, ref seen, (int)key, "labs.", issues))
            {
                continue;
            }

            reader.Read();
            if (ReadLabValue(ref reader, path, issues, out var value, out var unit, out var date, out _))
            {
                labs.Set(key, value, unit, path, issues);
                if (date is { } d && SeriesBuilder.Keeps(key))
                {
                    (dated ??= []).Add((key, d, path));
                }
            }
        }

        var panel = labs.Build(issues);
        foreach (var (key, date, path) in dated ?? [])
        {
            series.AddFromPanel(panel, key, date, path);
        }

        return panel;
    }

    /// <summary>
    /// Reads a lab object <c>{"value", "unit", "date"}</c>. An unusable date is reported (DAT001) and left null without
    /// making the value unusable; <paramref name="dateGiven"/> says whether a <c>date</c> key was present.
    /// </summary>
    private static bool ReadLabValue(ref Utf8JsonReader reader, string path, List<InputIssue> issues, out decimal value, out string? unit, out DateOnly? date, out bool dateGiven)
    {
        value = 0m;
        unit = null;
        date = null;
        dateGiven = false;
        if (!ExpectObject(ref reader, path, issues))
        {
            return false;
        }

        var valueSeen = false;
        var ok = true;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueTextEquals("value"u8) ? 1 : reader.ValueTextEquals("unit"u8) ? 2 : reader.ValueTextEquals("date"u8) ? 3 : 0;
            if (key == 0)
            {
                Unknown(ref reader, path + ".", "value, unit, date", issues);
                continue;
            }

            if ((seen & (1 << key)) != 0)
            {
                Repeated(ref reader, ref seen, key, path + ".", issues);
                ok = false;
                continue;
            }

            seen |= 1 << key;

            reader.Read();
            if (key == 1)
            {
                valueSeen = true;
                if (ReadLabNumber(ref reader, path, issues) is { } v)
                {
                    value = v;
                }
                else
                {
                    ok = false;
                }
            }
            else if (key == 3)
            {
                dateGiven = true;
                date = ReadDate(ref reader, path + ".date", issues);
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                unit = JsonInput.Echo(UnitText.Get(ref reader)); // a unit longer than the echo bound is unknown anyway
            }
            else if (reader.TokenType != JsonTokenType.Null)
            {
                WrongType<string>(ref reader, path + ".unit", "a string (a UCUM unit such as \"mg/dL\")", issues);
                ok = false;
            }
        }

        if (!valueSeen)
        {
            issues.Add(InputIssue.Error(IssueCodes.MissingValue, path + ".value", $"{path} has no \"value\"."));
            return false;
        }

        return ok;
    }

    /// <summary>Reads the top-level <c>series</c>: for each kept lab, an array of dated lab objects (the date is required).</summary>
    private static void ReadSeries(ref Utf8JsonReader reader, SeriesBuilder series, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, "series", issues))
        {
            return;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = LabFields.Match(ref reader);
            if (!SeriesBuilder.Keeps(key))
            {
                Unknown(ref reader, "series.", SeriesBuilder.KnownList, issues);
                continue;
            }

            if (Repeated(ref reader, ref seen, (int)key, "series.", issues))
            {
                continue;
            }

            var path = SeriesBuilder.Path(key);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                WrongType<object>(ref reader, path, "an array of dated values", issues);
                continue;
            }

            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var item = $"{path}[{index++}]";
                if (!ReadLabValue(ref reader, item, issues, out var value, out var unit, out var date, out var dateGiven))
                {
                    continue;
                }

                if (date is { } d)
                {
                    series.Read(key, d, value, unit, item, issues);
                }
                else if (!dateGiven)
                {
                    issues.Add(InputIssue.Error(IssueCodes.InvalidDate, item + ".date", $"{item} has no \"date\": a series value needs the date it was measured (YYYY-MM-DD)."));
                }
            }
        }
    }

    /// <summary>An ISO 8601 calendar date <c>YYYY-MM-DD</c> (DAT001 when the text is not one; SNP002 when not a string).</summary>
    private static DateOnly? ReadDate(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            WrongType<object>(ref reader, path, "a date string \"YYYY-MM-DD\"", issues);
            return null;
        }

        var text = reader.GetString();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date >= PlausibilityLimits.EarliestDate && date <= PlausibilityLimits.LatestDate)
            {
                return date;
            }

            issues.Add(InputIssue.Error(IssueCodes.InvalidDate, path, $"{path} {text} is outside the accepted range of dates: {PlausibilityLimits.DateRange}; not used."));
            return null;
        }

        issues.Add(InputIssue.Error(IssueCodes.InvalidDate, path, $"{path} \"{JsonInput.Echo(text)}\" is not a calendar date: expected YYYY-MM-DD (ISO 8601), for example \"2026-11-01\"."));
        return null;
    }

    private static decimal? ReadLabNumber(ref Utf8JsonReader reader, string labPath, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d))
        {
            return d;
        }

        var path = labPath + ".value";
        if (reader.TokenType == JsonTokenType.Number)
        {
            issues.Add(InputIssue.Error(IssueCodes.ImpossibleValue, path, $"{path} {JsonInput.EchoNumber(reader.ValueSpan)} is out of range: {OutOfRange} (the value's own plausibility limits then apply, docs/snapshot.md)."));
            return null;
        }

        var shown = reader.TokenType == JsonTokenType.String ? "\"" + JsonInput.Echo(reader.GetString()) + "\"" : Describe(reader.TokenType);
        issues.Add(InputIssue.Error(IssueCodes.NotANumber, path, $"{path} must be a JSON number, found {shown}."));
        reader.Skip();
        return null;
    }

    private static ClinicalFindings ReadFindings(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, "findings", issues))
        {
            return ClinicalFindings.Empty;
        }

        var f = ClinicalFindings.Empty;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Accept(ref reader, FindingKey(ref reader), ref seen, "findings.", FindingKeys, issues);
            if (key == 0)
            {
                continue;
            }

            f = key switch
            {
                1 => f with { Ascites = ReadAscites(ref reader, issues) },
                2 => f with { Encephalopathy = ReadGrade(ref reader, "findings.encephalopathyGrade", issues) },
                3 => f with { DialysisTwiceInPastWeek = ReadBool(ref reader, "findings.dialysisTwiceInPastWeek", issues) },
                4 => f with { CholestaticLiverDisease = ReadBool(ref reader, "findings.cholestaticLiverDisease", issues) },
                5 => f with { FattyLiverDisease = ReadBool(ref reader, "findings.fattyLiverDisease", issues) },
                6 => f with { Cirrhosis = ReadBool(ref reader, "findings.cirrhosis", issues) },
                7 => f with { VaricealBleeding = ReadBool(ref reader, "findings.varicealBleeding", issues) },
                8 => f with { MeanArterialPressure = ReadInRange(ref reader, "findings.meanArterialPressure", ClinicalFindings.MeanArterialPressureAbove, ClinicalFindings.MeanArterialPressureAtMost, "mmHg", issues) },
                9 => f with { Vasopressors = ReadBool(ref reader, "findings.vasopressors", issues) },
                10 => f with { PaO2FiO2 = ReadInRange(ref reader, "findings.pao2Fio2", 0m, 800m, "mmHg", issues) },
                11 => f with { SpO2FiO2 = ReadInRange(ref reader, "findings.spo2Fio2", 0m, 500m, "(% / fraction)", issues) },
                12 => f with { MechanicalVentilation = ReadBool(ref reader, "findings.mechanicalVentilation", issues) },
                13 => f with { VentilationForEncephalopathy = ReadBool(ref reader, "findings.ventilationForEncephalopathy", issues) },
                14 => f with { RenalReplacementTherapy = ReadBool(ref reader, "findings.renalReplacementTherapy", issues) },
                15 => f with { AcuteLiverFailureCause = ReadAlfCause(ref reader, issues) },
                16 => f with { JaundiceToEncephalopathyDays = ReadInRange(ref reader, "findings.jaundiceToEncephalopathyDays", 0m, 3650m, "days", issues, lowerInclusive: true) },
                17 => f with { GrowthFailure = ReadBool(ref reader, "findings.growthFailure", issues) },
                18 => f with { CorticosteroidStartDate = ReadDate(ref reader, "findings.corticosteroidStartDate", issues) },
                19 => f with { AlcoholAssociatedHepatitis = ReadBool(ref reader, "findings.alcoholAssociatedHepatitis", issues) },
                20 => f with { DiabetesOrImpairedFastingGlucose = ReadBool(ref reader, "findings.diabetesOrImpairedFastingGlucose", issues) },
                21 => f with { ChronicLiverDisease = ReadBool(ref reader, "findings.chronicLiverDisease", issues) },
                22 => f with { AcuteLiverFailure = ReadBool(ref reader, "findings.acuteLiverFailure", issues) },
                _ => f with { IntensiveCare = ReadBool(ref reader, "findings.intensiveCare", issues) },
            };
        }

        return f;
    }

    private static int TopKey(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? 1 : reader.ValueTextEquals("sex"u8) ? 2 : reader.ValueTextEquals("ageYears"u8) ? 3
        : reader.ValueTextEquals("labs"u8) ? 4 : reader.ValueTextEquals("findings"u8) ? 5
        : reader.ValueTextEquals("ageAtListingYears"u8) ? 6 : reader.ValueTextEquals("series"u8) ? 7
        : reader.ValueTextEquals("serology"u8) ? 8 : reader.ValueTextEquals("assessmentDate"u8) ? 9
        : reader.ValueTextEquals("medications"u8) ? 10 : reader.ValueTextEquals("vaccinations"u8) ? 11
        : reader.ValueTextEquals("history"u8) ? 12 : CausesKey(ref reader);

    private static int FindingKey(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("ascites"u8) ? 1 : reader.ValueTextEquals("encephalopathyGrade"u8) ? 2
        : reader.ValueTextEquals("dialysisTwiceInPastWeek"u8) ? 3 : reader.ValueTextEquals("cholestaticLiverDisease"u8) ? 4
        : reader.ValueTextEquals("fattyLiverDisease"u8) ? 5 : reader.ValueTextEquals("cirrhosis"u8) ? 6
        : reader.ValueTextEquals("varicealBleeding"u8) ? 7 : reader.ValueTextEquals("meanArterialPressure"u8) ? 8
        : reader.ValueTextEquals("vasopressors"u8) ? 9 : reader.ValueTextEquals("pao2Fio2"u8) ? 10
        : reader.ValueTextEquals("spo2Fio2"u8) ? 11 : reader.ValueTextEquals("mechanicalVentilation"u8) ? 12
        : reader.ValueTextEquals("ventilationForEncephalopathy"u8) ? 13 : reader.ValueTextEquals("renalReplacementTherapy"u8) ? 14
        : reader.ValueTextEquals("acuteLiverFailureCause"u8) ? 15 : reader.ValueTextEquals("jaundiceToEncephalopathyDays"u8) ? 16
        : reader.ValueTextEquals("growthFailure"u8) ? 17 : reader.ValueTextEquals("corticosteroidStartDate"u8) ? 18
        : reader.ValueTextEquals("alcoholAssociatedHepatitis"u8) ? 19
        : reader.ValueTextEquals("diabetesOrImpairedFastingGlucose"u8) ? 20
        : reader.ValueTextEquals("chronicLiverDisease"u8) ? 21
        : reader.ValueTextEquals("acuteLiverFailure"u8) ? 22
        : reader.ValueTextEquals("intensiveCare"u8) ? 23 : 0;

    private static Ascites? ReadAscites(ref Utf8JsonReader reader, List<InputIssue> issues) =>
        reader.TokenType != JsonTokenType.String ? Invalid<Ascites>(ref reader, "findings.ascites", "one of none, mild, moderate-severe", issues)
        : reader.ValueTextEquals("none"u8) ? Ascites.None
        : reader.ValueTextEquals("mild"u8) ? Ascites.Mild
        : reader.ValueTextEquals("moderate-severe"u8) ? Ascites.ModerateSevere
        : Invalid<Ascites>(ref reader, "findings.ascites", "one of none, mild, moderate-severe", issues);

    private static AcuteLiverFailureCause? ReadAlfCause(ref Utf8JsonReader reader, List<InputIssue> issues) =>
        reader.TokenType != JsonTokenType.String ? Invalid<AcuteLiverFailureCause>(ref reader, "findings.acuteLiverFailureCause", AlfCauses, issues)
        : reader.ValueTextEquals("acetaminophen"u8) ? AcuteLiverFailureCause.Acetaminophen
        : reader.ValueTextEquals("hepatitis-a"u8) ? AcuteLiverFailureCause.HepatitisA
        : reader.ValueTextEquals("hepatitis-b"u8) ? AcuteLiverFailureCause.HepatitisB
        : reader.ValueTextEquals("indeterminate"u8) ? AcuteLiverFailureCause.Indeterminate
        : reader.ValueTextEquals("halothane"u8) ? AcuteLiverFailureCause.Halothane
        : reader.ValueTextEquals("drug-reaction"u8) ? AcuteLiverFailureCause.DrugReaction
        : reader.ValueTextEquals("wilson"u8) ? AcuteLiverFailureCause.Wilson
        : reader.ValueTextEquals("autoimmune-hepatitis"u8) ? AcuteLiverFailureCause.AutoimmuneHepatitis
        : reader.ValueTextEquals("other"u8) ? AcuteLiverFailureCause.Other
        : Invalid<AcuteLiverFailureCause>(ref reader, "findings.acuteLiverFailureCause", AlfCauses, issues);

    /// <summary>A number in (<paramref name="above"/>, <paramref name="atMost"/>] (or [above, atMost] when <paramref name="lowerInclusive"/>); outside it, SNP004 and not used.</summary>
    private static decimal? ReadInRange(ref Utf8JsonReader reader, string path, decimal above, decimal atMost, string unit, List<InputIssue> issues, bool lowerInclusive = false)
    {
        var range = $"{(lowerInclusive ? "at least" : "more than")} {Breakdown.F(above)} and at most {Breakdown.F(atMost)} {unit}";
        if (ReadNumber(ref reader, path, range, issues) is not { } value)
        {
            return null;
        }

        if ((lowerInclusive ? value < above : value <= above) || value > atMost)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} {Breakdown.F(value)} is outside the accepted range: {(lowerInclusive ? "at least" : "more than")} {Breakdown.F(above)} and at most {Breakdown.F(atMost)} {unit}."));
            return null;
        }

        return value;
    }

    private static EncephalopathyGrade? ReadGrade(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var g) && g is >= 0 and <= EncephalopathyGrade.MaximumGrade)
        {
            return EncephalopathyGrade.FromWestHaven(g);
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} {JsonInput.EchoNumber(reader.ValueSpan)} is out of range: a West Haven grade is an integer 0 to 4."));
            return null;
        }

        WrongType<object>(ref reader, path, "an integer 0 to 4 (West Haven grade)", issues);
        return null;
    }

    private static bool? ReadBool(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                WrongType<object>(ref reader, path, "true or false", issues);
                return null;
        }
    }

    /// <summary>What a number too large for <see cref="decimal"/> is told, with the range every number is read in.</summary>
    private const string OutOfRange = "numbers are read from -79,228,162,514,264,337,593,543,950,335 to 79,228,162,514,264,337,593,543,950,335";

    /// <summary>
    /// A JSON number as a decimal. A number beyond decimal's range is reported as out of range with
    /// <paramref name="accepted"/> (the field's own range, e.g. "0 to 130 years") under <paramref name="code"/>; any other token is SNP002.
    /// </summary>
    private static decimal? ReadNumber(ref Utf8JsonReader reader, string path, string accepted, List<InputIssue> issues, string code = IssueCodes.InvalidValue)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d))
        {
            return d;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            issues.Add(InputIssue.Error(code, path, $"{path} {JsonInput.EchoNumber(reader.ValueSpan)} is out of range: expected {accepted}."));
            return null;
        }

        WrongType<object>(ref reader, path, $"a number ({accepted})", issues);
        return null;
    }

    /// <summary>Reports a string outside an enumeration (SNP004) or a value of the wrong type (SNP002).</summary>
    private static T? Invalid<T>(ref Utf8JsonReader reader, string path, string accepted, List<InputIssue> issues)
        where T : struct
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} \"{JsonInput.Echo(reader.GetString())}\" is not accepted: expected {accepted}."));
        }
        else
        {
            WrongType<object>(ref reader, path, accepted, issues);
        }

        return null;
    }

    private static bool ExpectObject(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        WrongType<object>(ref reader, path, "an object", issues);
        return false;
    }

    private static T? WrongType<T>(ref Utf8JsonReader reader, string path, string expected, List<InputIssue> issues)
        where T : class
    {
        issues.Add(InputIssue.Error(IssueCodes.WrongType, path, $"{path} must be {expected}, found {Describe(reader.TokenType)}."));
        reader.Skip();
        return null;
    }

    /// <summary>
    /// At a property name matched to known key number <paramref name="key"/> (0 when unknown): returns the key with the
    /// reader on its value; returns 0 after reporting and skipping an unknown key (SNP003) or a repeated one (SNP007).
    /// </summary>
    private static int Accept(ref Utf8JsonReader reader, int key, ref int seen, string prefix, string known, List<InputIssue> issues)
    {
        if (key == 0)
        {
            Unknown(ref reader, prefix, known, issues);
            return 0;
        }

        if (Repeated(ref reader, ref seen, key, prefix, issues))
        {
            return 0;
        }

        reader.Read();
        return key;
    }

    /// <summary>At a property name of an unknown key: reports it (SNP003 warning) and skips its value.</summary>
    private static void Unknown(ref Utf8JsonReader reader, string prefix, string known, List<InputIssue> issues)
    {
        if (JsonInput.Admit(issues, IssueCodes.UnknownKey, IssueSeverity.Warning))
        {
            var key = JsonInput.Echo(reader.GetString());
            issues.Add(InputIssue.Warning(IssueCodes.UnknownKey, prefix + (key.Length == 0 ? "\"\"" : key), $"Unknown key \"{key}\" ignored. Known keys here: {known}."));
        }

        reader.Read();
        reader.Skip();
    }

    /// <summary>
    /// At a property name of known key number <paramref name="key"/>: true (after reporting SNP007 and skipping the
    /// value) when the key was already seen in this object.
    /// </summary>
    private static bool Repeated(ref Utf8JsonReader reader, ref int seen, int key, string prefix, List<InputIssue> issues)
    {
        var bit = 1 << key;
        if ((seen & bit) == 0)
        {
            seen |= bit;
            return false;
        }

        var name = JsonInput.Echo(reader.GetString());
        issues.Add(InputIssue.Error(IssueCodes.DuplicateKey, prefix + name, $"Key \"{name}\" appears more than once; only its first value is used, the repeat is ignored."));
        reader.Read();
        reader.Skip();
        return true;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        var trimmed = utf8.Trim(" \t\r\n"u8);
        return trimmed.IsEmpty || trimmed.SequenceEqual("\uFEFF"u8);
    }

    private static string FirstSentence(string message)
    {
        foreach (var marker in (ReadOnlySpan<string>)[" LineNumber:", " Path:"])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }
}
