using System.Text.Json;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>
/// Reading of <c>medications</c>, <c>vaccinations</c> and <c>history</c> (docs/snapshot.md): the codes are mapped with the
/// tables in <see cref="MedicationClasses"/> and <see cref="VaccineCodes"/>; an unknown code or a class that disagrees
/// with its code is a warning, an item that cannot be identified is an error and is left out.
/// </summary>
public static partial class SnapshotReader
{
    private delegate T? ItemReader<T>(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
        where T : class;

    /// <summary>Reads a JSON array of objects at <paramref name="key"/>, one item at a time, each with its indexed path.</summary>
    private static void ReadArray<T>(ref Utf8JsonReader reader, string key, string itemName, List<T> into, ItemReader<T> readItem, List<InputIssue> issues)
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Issues.WrongType(ref reader, key, $"an array of {itemName} objects", issues);
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
        var m = default(MedicationEntry);
        if (!MedicationItem.Read(ref reader, ref m, path, issues))
        {
            return null;
        }

        var entry = m.Code is null ? null : MedicationClasses.Find(m.Code);
        if (m.Code is not null && entry is null)
        {
            issues.Add(InputIssue.Warning(IssueCodes.UnknownMedicationCode, path + ".code",
                $"{(m.Code.System == MedicationCodeSystem.Atc ? "ATC" : "RxNorm")} code \"{JsonInput.Echo(m.Code.Value)}\" is not in Hepatica's medication table (docs/medications.md); {(m.Class is null ? "give \"class\" so the medication can be used" : "the given class is used")}."));
        }

        if (entry is not null && m.Class is { } given && given != entry.Class)
        {
            issues.Add(InputIssue.Warning(IssueCodes.MedicationClassMismatch, path + ".class",
                $"Class \"{MedicationClasses.IdOf(given)}\" disagrees with code {entry.Code} ({entry.Ingredient}: {MedicationClasses.IdOf(entry.Class)}); the given class is used. Check the medication."));
        }

        var resolved = m.Class ?? entry?.Class;
        if (resolved is null)
        {
            if (!m.ClassGiven)
            {
                issues.Add(InputIssue.Error(IssueCodes.MedicationUnclassified, path,
                    $"{path} has neither a \"class\" nor a code in the medication table; it is not used. Classes: {MedicationClasses.AcceptedIds}."));
            }

            return null;
        }

        return new Medication(resolved.Value) { Code = m.Code, Name = m.Name ?? entry?.Ingredient, PrednisoneEquivalentMgPerDay = m.Dose, DurationWeeks = m.Weeks, Start = m.Start };
    }

    private static MedicationCode? ReadCode(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        var c = default(MedicationCodeEntry);
        if (!MedicationCodeObject.Read(ref reader, ref c, path, issues))
        {
            return null;
        }

        if (!c.Unusable && (c.System is null || c.Value is null))
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidValue, path, $"{path} needs both \"system\" (rxnorm or atc) and \"value\"; the code is not used."));
        }

        return !c.Unusable && c.System is { } s && c.Value is not null ? new MedicationCode(s, c.Value.Trim()) : null;
    }

    private static Vaccination? ReadVaccination(ref Utf8JsonReader reader, string path, List<InputIssue> issues)
    {
        var v = default(VaccinationEntry);
        if (!VaccinationItem.Read(ref reader, ref v, path, issues))
        {
            return null;
        }

        var fromCvx = VaccineCodes.FromCvx(v.Cvx);
        if (v.Cvx is not null && fromCvx is null)
        {
            issues.Add(InputIssue.Warning(IssueCodes.UnknownCvx, path + ".cvx",
                $"CVX code \"{JsonInput.Echo(v.Cvx)}\" is not in Hepatica's vaccine table (docs/prevention.md); {(v.Vaccine is null ? "give \"vaccine\" so the dose can be used" : "the given vaccine is used")}."));
        }

        if (v.Vaccine is { } given && fromCvx is { } c && given != c)
        {
            issues.Add(InputIssue.Warning(IssueCodes.VaccineCvxMismatch, path + ".vaccine",
                $"Vaccine \"{VaccineCodes.IdOf(given)}\" disagrees with CVX {v.Cvx} ({VaccineCodes.IdOf(c)}); the given vaccine is used. Check the record."));
        }

        var resolved = v.Vaccine ?? fromCvx;
        if (resolved is null && !v.VaccineGiven)
        {
            issues.Add(InputIssue.Error(IssueCodes.VaccineUnidentified, path,
                $"{path} has neither a \"vaccine\" nor a CVX code in the vaccine table; it is not used. Vaccines: {VaccineCodes.AcceptedIds}."));
        }

        if (!v.DateGiven)
        {
            issues.Add(InputIssue.Error(IssueCodes.InvalidDate, path + ".date", $"{path} has no \"date\": a dose needs the date it was given (YYYY-MM-DD)."));
        }

        return resolved is { } r && v.Date is { } d ? new Vaccination(r, d, v.Cvx) : null;
    }
}
