using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Hepatica.Benchmarks;

/// <summary>
/// A deterministic, Synthea-shaped FHIR Bulk Data export for the bulk benchmark (scripts/bench-bulk.sh): per patient a
/// Patient (~2 KB), 4-10 Conditions, 5-12 Immunizations, one Encounter per visit (4-8 visits over three years, the last
/// in the week before 2026-11-20) and at each visit vital signs and, some of the time, a metabolic panel, a blood count,
/// a liver panel and an INR: several dozen Observations (~1.2-1.6 KB each, LOINC and UCUM as Synthea writes them), of
/// which about a quarter carry codes the reader uses. One patient in ten has cirrhosis (a Condition and abnormal labs).
/// About one Observation line in 50,000 is truncated and one patient in 1,000 has an Observation for a patient who is not
/// in the export, so the error records have something to report. Files rotate every 256 MB (Observation.000.ndjson ...).
/// </summary>
public static class BulkData
{
    private static readonly DateTimeOffset End = new(2026, 11, 19, 8, 0, 0, TimeSpan.FromHours(-5));

    private static readonly (string Code, string Display, string Unit, double Low, double High, double CirrhoticLow, double CirrhoticHigh)[] Metabolic =
    [
        ("2339-0", "Glucose [Mass/volume] in Blood", "mg/dL", 65, 110, 65, 140),
        ("6299-2", "Urea nitrogen [Mass/volume] in Blood", "mg/dL", 7, 20, 10, 45),
        ("38483-4", "Creatinine [Mass/volume] in Blood", "mg/dL", 0.6, 1.3, 0.8, 2.8),
        ("49765-1", "Calcium [Mass/volume] in Blood", "mg/dL", 8.5, 10.2, 8, 10),
        ("2947-0", "Sodium [Moles/volume] in Blood", "mmol/L", 136, 144, 124, 138),
        ("6298-4", "Potassium [Moles/volume] in Blood", "mmol/L", 3.6, 5.1, 3.2, 5.4),
        ("2069-3", "Chloride [Moles/volume] in Blood", "mmol/L", 98, 107, 95, 107),
        ("20565-8", "Carbon dioxide, total [Moles/volume] in Blood", "mmol/L", 22, 29, 20, 29),
    ];

    private static readonly (string Code, string Display, string Unit, double Low, double High, double CirrhoticLow, double CirrhoticHigh)[] BloodCount =
    [
        ("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", 4, 10.5, 2.5, 9),
        ("789-8", "Erythrocytes [#/volume] in Blood by Automated count", "10*6/uL", 4.2, 5.8, 3.2, 4.8),
        ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 12, 17, 9, 13),
        ("4544-3", "Hematocrit [Volume Fraction] of Blood by Automated count", "%", 36, 50, 28, 40),
        ("787-2", "MCV [Entitic volume] by Automated count", "fL", 80, 98, 85, 105),
        ("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", 150, 400, 45, 130),
    ];

    private static readonly (string Code, string Display, string Unit, double Low, double High, double CirrhoticLow, double CirrhoticHigh)[] Liver =
    [
        ("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "mg/dL", 0.2, 1.2, 1.5, 8),
        ("1751-7", "Albumin [Mass/volume] in Serum or Plasma", "g/dL", 3.5, 5, 2.4, 3.4),
        ("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 10, 40, 40, 160),
        ("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 7, 45, 25, 120),
        ("6768-6", "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 40, 120, 80, 250),
    ];

    private static readonly (string Code, string Display, string Unit, double Low, double High)[] Vitals =
    [
        ("8302-2", "Body Height", "cm", 150, 195),
        ("29463-7", "Body Weight", "kg", 50, 120),
        ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", 18, 38),
        ("8867-4", "Heart rate", "/min", 55, 100),
        ("9279-1", "Respiratory rate", "/min", 12, 20),
        ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported", "{score}", 0, 6),
    ];

    private static readonly (string Code, string Display)[] OtherConditions =
    [
        ("59621000", "Essential hypertension (disorder)"), ("15777000", "Prediabetes"), ("444814009", "Viral sinusitis (disorder)"),
        ("195662009", "Acute viral pharyngitis (disorder)"), ("162864005", "Body mass index 30+ - obesity (finding)"),
        ("10509002", "Acute bronchitis (disorder)"), ("40055000", "Chronic sinusitis (disorder)"), ("314529007", "Medication review due (situation)"),
    ];

    private static readonly (string Code, string Display)[] Vaccines =
    [
        ("140", "Influenza, seasonal, injectable, preservative free"), ("08", "Hep B, adolescent or pediatric"), ("52", "Hep A, adult"),
        ("133", "Pneumococcal conjugate PCV 13"), ("113", "Td (adult) preservative free"), ("62", "HPV, quadrivalent"),
    ];

    /// <summary>Writes at least <paramref name="megabytes"/> MB of export into <paramref name="dir"/>; returns the exit code.</summary>
    public static int Generate(long megabytes, string dir)
    {
        Directory.CreateDirectory(dir);
        using var files = new ExportFiles(dir);
        var random = new Random(20261120);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var w = new Utf8JsonWriter(buffer);
        long patients = 0, observations = 0;
        while (files.Bytes < megabytes * 1_000_000)
        {
            observations += WritePatient(files, w, buffer, random, patients++);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate-bulk: {patients:N0} patients, {observations:N0} Observations, {files.Bytes / 1e6:N1} MB in {dir}"));
        return 0;
    }

    private static long WritePatient(ExportFiles files, Utf8JsonWriter w, ArrayBufferWriter<byte> buffer, Random r, long n)
    {
        var id = Uuid(r);
        var female = r.Next(2) == 0;
        var birth = new DateOnly(1940, 1, 1).AddDays(r.Next(0, 365 * 65));
        var cirrhotic = r.Next(10) == 0;
        Emit(files, "Patient", w, buffer, () => Patient(w, r, id, female, birth, n));

        foreach (var _ in Enumerable.Range(0, r.Next(4, 11)))
        {
            var (code, display) = OtherConditions[r.Next(OtherConditions.Length)];
            Emit(files, "Condition", w, buffer, () => Condition(w, r, id, code, display, End.AddDays(-r.Next(30, 3000))));
        }

        if (cirrhotic)
        {
            Emit(files, "Condition", w, buffer, () => Condition(w, r, id, "19943007", "Cirrhosis of liver", End.AddDays(-r.Next(60, 900))));
        }

        foreach (var _ in Enumerable.Range(0, r.Next(5, 13)))
        {
            var (code, display) = Vaccines[r.Next(Vaccines.Length)];
            Emit(files, "Immunization", w, buffer, () => Immunization(w, r, id, code, display, End.AddDays(-r.Next(10, 3000))));
        }

        long count = 0;
        var visits = r.Next(4, 9);
        for (var v = 0; v < visits; v++)
        {
            var last = v == visits - 1;
            var when = last ? End.AddDays(-r.Next(0, 7)).AddMinutes(r.Next(0, 600)) : End.AddDays(-r.Next(8, 1100)).AddMinutes(r.Next(0, 600));
            var encounter = Uuid(r);
            Emit(files, "Encounter", w, buffer, () => Encounter(w, r, id, encounter, when));
            foreach (var vital in Vitals)
            {
                count++;
                Emit(files, "Observation", w, buffer, () => Observation(w, r, id, encounter, when, "vital-signs", vital.Code, vital.Display, vital.Unit, Between(r, vital.Low, vital.High)));
            }

            count += Panel(files, w, buffer, r, id, encounter, when, cirrhotic, Metabolic, last || r.Next(2) == 0);
            count += Panel(files, w, buffer, r, id, encounter, when, cirrhotic, BloodCount, last || r.Next(3) == 0);
            count += Panel(files, w, buffer, r, id, encounter, when, cirrhotic, Liver, (last && cirrhotic) || r.Next(4) == 0);
            if ((last && cirrhotic) || r.Next(10) == 0)
            {
                count++;
                Emit(files, "Observation", w, buffer, () => Observation(w, r, id, encounter, when, "laboratory", "6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", cirrhotic ? Between(r, 1.3, 2.6) : Between(r, 0.9, 1.2)));
            }
        }

        if (n % 1000 == 20)
        {
            // An Observation about a patient the export does not hold: an orphan error record.
            count++;
            Emit(files, "Observation", w, buffer, () => Observation(w, r, "not-in-export-" + n.ToString(CultureInfo.InvariantCulture), Uuid(r), End, "laboratory", "1975-2", Liver[0].Display, "mg/dL", 1.1));
        }

        return count;
    }

    private static int Panel(ExportFiles files, Utf8JsonWriter w, ArrayBufferWriter<byte> buffer, Random r, string patient, string encounter, DateTimeOffset when, bool cirrhotic,
        (string Code, string Display, string Unit, double Low, double High, double CirrhoticLow, double CirrhoticHigh)[] panel, bool drawn)
    {
        if (!drawn)
        {
            return 0;
        }

        foreach (var test in panel)
        {
            var value = cirrhotic ? Between(r, test.CirrhoticLow, test.CirrhoticHigh) : Between(r, test.Low, test.High);
            Emit(files, "Observation", w, buffer, () => Observation(w, r, patient, encounter, when, "laboratory", test.Code, test.Display, test.Unit, value, (test.Low, test.High)));
        }

        return panel.Length;
    }

    private static void Emit(ExportFiles files, string type, Utf8JsonWriter w, ArrayBufferWriter<byte> buffer, Action write)
    {
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        write();
        w.Flush();
        var line = buffer.WrittenSpan;
        if (type == "Observation" && files.Lines(type) % 50_000 == 1_000)
        {
            line = line[..(line.Length / 2)]; // a truncated line: a malformed-line error record
        }

        files.Write(type, line);
    }

    private static void Patient(Utf8JsonWriter w, Random r, string id, bool female, DateOnly birth, long n)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "Patient");
        w.WriteString("id", id);
        Meta(w, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient");
        w.WriteStartObject("text");
        w.WriteString("status", "generated");
        w.WriteString("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">Generated for the Hepatica bulk benchmark. Person seed: " + r.NextInt64().ToString(CultureInfo.InvariantCulture) + "</div>");
        w.WriteEndObject();
        w.WriteStartArray("extension");
        Extension(w, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race", "urn:oid:2.16.840.1.113883.6.238", "2106-3", "White");
        Extension(w, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity", "urn:oid:2.16.840.1.113883.6.238", "2186-5", "Not Hispanic or Latino");
        w.WriteStartObject();
        w.WriteString("url", "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex");
        w.WriteString("valueCode", female ? "F" : "M");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("identifier");
        Identifier(w, "https://github.com/synthetichealth/synthea", id);
        Identifier(w, "http://hospital.smarthealthit.org", "MRN-" + n.ToString("D9", CultureInfo.InvariantCulture));
        Identifier(w, "http://hl7.org/fhir/sid/us-ssn", "999-" + r.Next(10, 99).ToString(CultureInfo.InvariantCulture) + "-" + r.Next(1000, 9999).ToString(CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteStartArray("name");
        w.WriteStartObject();
        w.WriteString("use", "official");
        w.WriteString("family", "Family" + r.Next(1000).ToString(CultureInfo.InvariantCulture));
        w.WriteStartArray("given");
        w.WriteStringValue((female ? "Given" : "Name") + r.Next(1000).ToString(CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("telecom");
        w.WriteStartObject();
        w.WriteString("system", "phone");
        w.WriteString("value", "555-" + r.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "-" + r.Next(1000, 9999).ToString(CultureInfo.InvariantCulture));
        w.WriteString("use", "home");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("gender", female ? "female" : "male");
        w.WriteString("birthDate", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartArray("address");
        w.WriteStartObject();
        w.WriteStartArray("line");
        w.WriteStringValue(r.Next(1, 999).ToString(CultureInfo.InvariantCulture) + " Example Street Suite " + r.Next(1, 99).ToString(CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteString("city", "Springfield");
        w.WriteString("state", "Massachusetts");
        w.WriteString("postalCode", "0" + r.Next(1000, 2999).ToString(CultureInfo.InvariantCulture));
        w.WriteString("country", "US");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("maritalStatus");
        Coding(w, "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "M", "Married");
        w.WriteString("text", "Married");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Condition(Utf8JsonWriter w, Random r, string patient, string code, string display, DateTimeOffset onset)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "Condition");
        w.WriteString("id", Uuid(r));
        Meta(w, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-encounter-diagnosis");
        w.WriteStartObject("clinicalStatus");
        Coding(w, "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null);
        w.WriteEndObject();
        w.WriteStartObject("verificationStatus");
        Coding(w, "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null);
        w.WriteEndObject();
        w.WriteStartArray("category");
        w.WriteStartObject();
        Coding(w, "http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis", "Encounter Diagnosis");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("code");
        Coding(w, "http://snomed.info/sct", code, display);
        w.WriteString("text", display);
        w.WriteEndObject();
        Reference(w, "subject", "Patient/" + patient);
        Reference(w, "encounter", "Encounter/" + Uuid(r));
        w.WriteString("onsetDateTime", Time(onset));
        w.WriteString("recordedDate", Time(onset));
        w.WriteEndObject();
    }

    private static void Immunization(Utf8JsonWriter w, Random r, string patient, string code, string display, DateTimeOffset when)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "Immunization");
        w.WriteString("id", Uuid(r));
        Meta(w, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-immunization");
        w.WriteString("status", "completed");
        w.WriteStartObject("vaccineCode");
        Coding(w, "http://hl7.org/fhir/sid/cvx", code, display);
        w.WriteString("text", display);
        w.WriteEndObject();
        Reference(w, "patient", "Patient/" + patient);
        Reference(w, "encounter", "Encounter/" + Uuid(r));
        w.WriteString("occurrenceDateTime", Time(when));
        w.WriteBoolean("primarySource", true);
        w.WriteStartObject("location");
        w.WriteString("reference", "Location?identifier=https://github.com/synthetichealth/synthea|" + Uuid(r));
        w.WriteString("display", "SPRINGFIELD MEDICAL GROUP PRACTICE");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Encounter(Utf8JsonWriter w, Random r, string patient, string id, DateTimeOffset when)
    {
        w.WriteStartObject();
        w.WriteString("resourceType", "Encounter");
        w.WriteString("id", id);
        Meta(w, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter");
        w.WriteStartArray("identifier");
        Identifier(w, "https://github.com/synthetichealth/synthea", id);
        w.WriteEndArray();
        w.WriteString("status", "finished");
        w.WriteStartObject("class");
        w.WriteString("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode");
        w.WriteString("code", "AMB");
        w.WriteEndObject();
        w.WriteStartArray("type");
        w.WriteStartObject();
        Coding(w, "http://snomed.info/sct", "185349003", "Encounter for check up (procedure)");
        w.WriteString("text", "Encounter for check up (procedure)");
        w.WriteEndObject();
        w.WriteEndArray();
        Reference(w, "subject", "Patient/" + patient);
        w.WriteStartArray("participant");
        w.WriteStartObject();
        Reference(w, "individual", "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|99999" + r.Next(10000, 99999).ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("period");
        w.WriteString("start", Time(when));
        w.WriteString("end", Time(when.AddMinutes(30)));
        w.WriteEndObject();
        Reference(w, "serviceProvider", "Organization?identifier=https://github.com/synthetichealth/synthea|" + Uuid(r));
        w.WriteEndObject();
    }

    private static void Observation(Utf8JsonWriter w, Random r, string patient, string encounter, DateTimeOffset when, string category, string code, string display, string unit, double value, (double Low, double High)? range = null)
    {
        var id = Uuid(r);
        w.WriteStartObject();
        w.WriteString("resourceType", "Observation");
        w.WriteString("id", id);
        Meta(w, category == "laboratory" ? "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab" : "http://hl7.org/fhir/StructureDefinition/vitalsigns");
        w.WriteStartArray("identifier");
        Identifier(w, "urn:ietf:rfc:3986", "urn:uuid:" + id);
        w.WriteEndArray();
        w.WriteString("status", "final");
        w.WriteStartArray("category");
        w.WriteStartObject();
        Coding(w, "http://terminology.hl7.org/CodeSystem/observation-category", category, category == "laboratory" ? "Laboratory" : "Vital signs");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("code");
        Coding(w, "http://loinc.org", code, display);
        w.WriteString("text", display);
        w.WriteEndObject();
        Reference(w, "subject", "Patient/" + patient);
        Reference(w, "encounter", "Encounter/" + encounter);
        w.WriteString("effectiveDateTime", Time(when));
        w.WriteString("issued", when.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        w.WriteStartArray("performer");
        w.WriteStartObject();
        w.WriteString("reference", "Organization/" + encounter);
        w.WriteString("display", "SPRINGFIELD MEDICAL GROUP PRACTICE LLC");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("valueQuantity");
        Quantity(w, Math.Round(value, 2), unit);
        w.WriteEndObject();
        if (range is var (low, high))
        {
            w.WriteStartArray("interpretation");
            w.WriteStartObject();
            var flag = value < low ? ("L", "Low") : value > high ? ("H", "High") : ("N", "Normal");
            Coding(w, "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", flag.Item1, flag.Item2);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("referenceRange");
            w.WriteStartObject();
            w.WriteStartObject("low");
            Quantity(w, low, unit);
            w.WriteEndObject();
            w.WriteStartObject("high");
            Quantity(w, high, unit);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Quantity(Utf8JsonWriter w, double value, string unit)
    {
        w.WriteNumber("value", value);
        w.WriteString("unit", unit);
        w.WriteString("system", "http://unitsofmeasure.org");
        w.WriteString("code", unit);
    }

    private static void Meta(Utf8JsonWriter w, string profile)
    {
        w.WriteStartObject("meta");
        w.WriteString("versionId", "1");
        w.WriteString("lastUpdated", "2026-11-20T06:00:00.000+00:00");
        w.WriteStartArray("profile");
        w.WriteStringValue(profile);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Coding(Utf8JsonWriter w, string system, string code, string? display)
    {
        w.WriteStartArray("coding");
        w.WriteStartObject();
        w.WriteString("system", system);
        w.WriteString("code", code);
        if (display is not null)
        {
            w.WriteString("display", display);
        }

        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Extension(Utf8JsonWriter w, string url, string system, string code, string display)
    {
        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteStartArray("extension");
        w.WriteStartObject();
        w.WriteString("url", "ombCategory");
        w.WriteStartObject("valueCoding");
        w.WriteString("system", system);
        w.WriteString("code", code);
        w.WriteString("display", display);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("url", "text");
        w.WriteString("valueString", display);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Identifier(Utf8JsonWriter w, string system, string value)
    {
        w.WriteStartObject();
        w.WriteString("system", system);
        w.WriteString("value", value);
        w.WriteEndObject();
    }

    private static void Reference(Utf8JsonWriter w, string name, string reference)
    {
        w.WriteStartObject(name);
        w.WriteString("reference", reference);
        w.WriteEndObject();
    }

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static double Between(Random r, double low, double high) => low + (r.NextDouble() * (high - low));

    private static string Uuid(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    /// <summary>One open file per resource type, rotated every 256 MB, counting lines and bytes.</summary>
    private sealed class ExportFiles(string dir) : IDisposable
    {
        private const long RotateBytes = 256L << 20;
        private readonly Dictionary<string, (FileStream Stream, int Index, long Lines)> open = [];

        public long Bytes { get; private set; }

        public long Lines(string type) => open.TryGetValue(type, out var f) ? f.Lines : 0;

        public void Write(string type, ReadOnlySpan<byte> line)
        {
            if (!open.TryGetValue(type, out var f) || f.Stream.Length >= RotateBytes)
            {
                var index = f.Stream is null ? 0 : f.Index + 1;
                f.Stream?.Dispose();
                f = (new FileStream(Path.Combine(dir, $"{type}.{index:D3}.ndjson"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20), index, f.Lines);
            }

            f.Stream.Write(line);
            f.Stream.WriteByte((byte)'\n');
            open[type] = (f.Stream, f.Index, f.Lines + 1);
            Bytes += line.Length + 1;
        }

        public void Dispose()
        {
            foreach (var f in open.Values)
            {
                f.Stream.Dispose();
            }
        }
    }
}
