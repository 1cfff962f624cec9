using System.Text.Json;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>The immune-side and prevention inputs collected while reading a snapshot.</summary>
internal sealed class ImmuneInputs
{
    public DateOnly? AssessmentDate { get; set; }

    public List<Medication> Medications { get; } = [];

    public List<Vaccination> Vaccinations { get; } = [];

    public MedicalHistory History { get; set; } = MedicalHistory.Empty;
}

/// <summary>
/// Reading of <c>medications</c>, <c>vaccinations</c> and <c>history</c> (docs/snapshot.md): the codes are mapped with the
/// tables in <see cref="MedicationClasses"/> and <see cref="VaccineCodes"/>; an unknown code or a class that disagrees
/// with its code is a warning, an item that cannot be identified is an error and is left out.
/// </summary>
public static partial class SnapshotReader
{
    private const string MedicationKeys = "class, code, name, prednisoneEquivalentMgPerDay, durationWeeks, start";
    private const string VaccinationKeys = "vaccine, cvx, date";
    private const string HistoryKeys = "priorSbp, giBleedingNow, transplantRecipient, alcoholRelatedLiverDisease";

    private static void ReadMedications(ref Utf8JsonReader reader, ImmuneInputs immune, List<InputIssue> issues) =>
        ReadArray(ref reader, "medications", "medication", immune.Medications, ReadMedication, issues);

    private delegate T? ItemReader<T>(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
        where T : class;

    /// <summary>Reads a JSON array of objects at <paramref name="key"/>, one item at a time, each with its indexed path.</summary>
    private static void ReadArray<T>(ref Utf8JsonReader reader, string key, string itemName, List<T> into, ItemReader<T> readItem, List<InputIssue> issues)
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            WrongType<object>(ref reader, key, $"an array of {itemName} objects", issues);
            return;
        }

        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (readItem(ref reader, $"{key}[{index++}]", issues) is { } item)
            {
                into.Add(item);
            }
        }
    }

    private static Medication? ReadMedication(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, path, issues))
        {
            return null;
        }

        MedicationClass? cls = null;
        MedicationCode? code = null;
        string? name = null;
        decimal? dose = null, weeks = null;
        DateOnly? start = null;
        var classGiven = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Accept(ref reader, reader.ValueTextEquals("class"u8) ? 1 : reader.ValueTextEquals("code"u8) ? 2 : reader.ValueTextEquals("name"u8) ? 3
                : reader.ValueTextEquals("prednisoneEquivalentMgPerDay"u8) ? 4 : reader.ValueTextEquals("durationWeeks"u8) ? 5
                : reader.ValueTextEquals("start"u8) ? 6 : 0, ref seen, path + ".", MedicationKeys, issues);
            if (key == 0)
            {
                continue;
            }

            switch (key)
            {
                case 1:
                    classGiven = true;
                    cls = reader.TokenType == JsonTokenType.String ? MedicationClasses.Parse(reader.GetString()) : null;
                    if (cls is null)
                    {
                        Invalid<MedicationClass>(ref reader, path + ".class", "one of " + MedicationClasses.AcceptedIds, issues);
                    }

                    break;
                case 2:
                    code = ReadCode(ref reader, path + ".code", issues);
                    break;
                case 3:
                    name = reader.TokenType == JsonTokenType.String ? reader.GetString() : WrongType<string>(ref reader, path + ".name", "a string", issues);
                    break;
                case 4:
                    dose = ReadInRange(ref reader, path + ".prednisoneEquivalentMgPerDay", 0m, 5000m, "mg/day", issues);
                    break;
                case 5:
                    weeks = ReadInRange(ref reader, path + ".durationWeeks", 0m, 5200m, "weeks", issues);
                    break;
                default:
                    start = ReadDate(ref reader, path + ".start", issues);
                    break;
            }
        }

        var entry = code is null ? null : MedicationClasses.Find(code);
        if (code is not null && entry is null)
        {
            issues.Add(InputIssue.Warning(IssueCodes.UnknownMedicationCode, path + ".code",
                $"{(code.System == MedicationCodeSystem.Atc ? "ATC" : "RxNorm")} code \"{JsonInput.Echo(code.Value)}\" is not in Hepatica's medication table (docs/medications.md); {(cls is null ? "give \"class\" so the medication can be used" : "the given class is used")}."));
        }

        if (entry is not null && cls is { } given && given != entry.Class)
        {
            issues.Add(InputIssue.Warning(IssueCodes.MedicationClassMismatch, path + ".class",
                $"Class \"{MedicationClasses.IdOf(given)}\" disagrees with code {entry.Code} ({entry.Ingredient}: {MedicationClasses.IdOf(entry.Class)}); the given class is used. Check the medication."));
        }

        var resolved = cls ?? entry?.Class;
        if (resolved is null)
        {
            if (!classGiven)
            {
                issues.Add(InputIssue.Error(IssueCodes.MedicationUnclassified, path,
                    $"{path} has neither a \"class\" nor a code in the medication table; it is not used. Classes: {MedicationClasses.AcceptedIds}."));
            }

            return null;
        }

        return new Medication(resolved.Value) { Code = code, Name = name ?? entry?.Ingredient, PrednisoneEquivalentMgPerDay = dose, DurationWeeks = weeks, Start = start };
    }

    private static MedicationCode? ReadCode(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, path, issues))
        {
            return null;
        }

        MedicationCodeSystem? system = null;
        string? value = null;
        var ok = true;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueTextEquals("system"u8) ? 1 : reader.ValueTextEquals("value"u8) ? 2 : 0;
            if (key == 0)
            {
                Unknown(ref reader, path + ".", "system, value", issues);
                continue;
            }

            if (Repeated(ref reader, ref seen, key, path + ".", issues))
            {
                continue;
            }

            reader.Read();
            if (key == 1)
            {
                system = reader.TokenType != JsonTokenType.String ? null
                    : reader.ValueTextEquals("rxnorm"u8) ? MedicationCodeSystem.RxNorm
                    : reader.ValueTextEquals("atc"u8) ? MedicationCodeSystem.Atc : null;
                if (system is null)
                {
                    Invalid<MedicationCodeSystem>(ref reader, path + ".system", "one of rxnorm, atc", issues);
                    ok = false;
                }
            }
            else
            {
                value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => WrongType<string>(ref reader, path + ".value", "a string", issues),
                };
                ok &= !string.IsNullOrWhiteSpace(value);
            }
        }

        if (ok && (system is null || value is null))
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} needs both \"system\" (rxnorm or atc) and \"value\"; the code is not used."));
        }

        return ok && system is { } s && value is not null ? new MedicationCode(s, value.Trim()) : null;
    }

    private static void ReadVaccinations(ref Utf8JsonReader reader, ImmuneInputs immune, List<InputIssue> issues) =>
        ReadArray(ref reader, "vaccinations", "vaccination", immune.Vaccinations, ReadVaccination, issues);

    private static Vaccination? ReadVaccination(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, path, issues))
        {
            return null;
        }

        Vaccine? vaccine = null;
        string? cvx = null;
        DateOnly? date = null;
        bool vaccineGiven = false, dateGiven = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Accept(ref reader, reader.ValueTextEquals("vaccine"u8) ? 1 : reader.ValueTextEquals("cvx"u8) ? 2 : reader.ValueTextEquals("date"u8) ? 3 : 0, ref seen, path + ".", VaccinationKeys, issues);
            if (key == 0)
            {
                continue;
            }

            switch (key)
            {
                case 1:
                    vaccineGiven = true;
                    vaccine = reader.TokenType == JsonTokenType.String ? VaccineCodes.Parse(reader.GetString()) : null;
                    if (vaccine is null)
                    {
                        Invalid<Vaccine>(ref reader, path + ".vaccine", "one of " + VaccineCodes.AcceptedIds, issues);
                    }

                    break;
                case 2:
                    cvx = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => WrongType<string>(ref reader, path + ".cvx", "a string such as \"43\"", issues),
                    };
                    break;
                default:
                    dateGiven = true;
                    date = ReadDate(ref reader, path + ".date", issues);
                    break;
            }
        }

        var fromCvx = VaccineCodes.FromCvx(cvx);
        if (cvx is not null && fromCvx is null)
        {
            issues.Add(InputIssue.Warning(IssueCodes.UnknownCvx, path + ".cvx",
                $"CVX code \"{JsonInput.Echo(cvx)}\" is not in Hepatica's vaccine table (docs/prevention.md); {(vaccine is null ? "give \"vaccine\" so the dose can be used" : "the given vaccine is used")}."));
        }

        if (vaccine is { } v && fromCvx is { } c && v != c)
        {
            issues.Add(InputIssue.Warning(IssueCodes.VaccineCvxMismatch, path + ".vaccine",
                $"Vaccine \"{VaccineCodes.IdOf(v)}\" disagrees with CVX {cvx} ({VaccineCodes.IdOf(c)}); the given vaccine is used. Check the record."));
        }

        var resolved = vaccine ?? fromCvx;
        if (resolved is null && !vaccineGiven)
        {
            issues.Add(InputIssue.Error(IssueCodes.VaccineUnidentified, path,
                $"{path} has neither a \"vaccine\" nor a CVX code in the vaccine table; it is not used. Vaccines: {VaccineCodes.AcceptedIds}."));
        }

        if (!dateGiven)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidDate, path + ".date", $"{path} has no \"date\": a dose needs the date it was given (YYYY-MM-DD)."));
        }

        return resolved is { } r && date is { } d ? new Vaccination(r, d, cvx) : null;
    }

    private static MedicalHistory ReadHistory(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, "history", issues))
        {
            return MedicalHistory.Empty;
        }

        var h = MedicalHistory.Empty;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Accept(ref reader, reader.ValueTextEquals("priorSbp"u8) ? 1 : reader.ValueTextEquals("giBleedingNow"u8) ? 2
                : reader.ValueTextEquals("transplantRecipient"u8) ? 3 : reader.ValueTextEquals("alcoholRelatedLiverDisease"u8) ? 4 : 0, ref seen, "history.", HistoryKeys, issues);
            if (key == 0)
            {
                continue;
            }

            h = key switch
            {
                1 => h with { PriorSbp = ReadBool(ref reader, "history.priorSbp", issues) },
                2 => h with { GiBleedingNow = ReadBool(ref reader, "history.giBleedingNow", issues) },
                3 => h with { TransplantRecipient = ReadBool(ref reader, "history.transplantRecipient", issues) },
                _ => h with { AlcoholRelatedLiverDisease = ReadBool(ref reader, "history.alcoholRelatedLiverDisease", issues) },
            };
        }

        return h;
    }
}
