using System.Text.Json;
using Hepatica.Clinical.Serology;

namespace Hepatica.Json;

/// <summary>The <c>serology</c> section of the assessment JSON (docs/output.md).</summary>
public static partial class AssessmentWriter
{
    private static readonly JsonEncodedText SerologyName = JsonEncodedText.Encode("serology");
    private static readonly JsonEncodedText InterpretationsName = JsonEncodedText.Encode("interpretations");
    private static readonly JsonEncodedText TopicName = JsonEncodedText.Encode("topic");
    private static readonly JsonEncodedText ClinicianName = JsonEncodedText.Encode("clinician");
    private static readonly JsonEncodedText PatientName = JsonEncodedText.Encode("patient");
    private static readonly JsonEncodedText NextTestsName = JsonEncodedText.Encode("nextTests");

    /// <summary>
    /// Writes <c>"serology": {"interpretations": [...]}</c>. Each interpretation has topic, category, clinician,
    /// inputs, nextTests and citations; <see cref="Detail.Full"/> adds the patient text and full citations.
    /// </summary>
    private static void WriteSerology(Utf8JsonWriter w, SerologySection section, Detail detail)
    {
        w.WriteStartObject(SerologyName);
        w.WriteStartArray(InterpretationsName);
        foreach (var i in section.Interpretations)
        {
            w.WriteStartObject();
            w.WriteString(TopicName, Encoded.Of(i.Topic));
            w.WriteString(Names.Category, Encoded.Of(i.Category));
            w.WriteString(ClinicianName, i.Clinician);
            if (detail == Detail.Full)
            {
                w.WriteString(PatientName, i.Patient);
            }

            w.WriteStartArray(Names.Inputs);
            foreach (var input in i.Inputs)
            {
                w.WriteStringValue(Encoded.Of(input));
            }

            w.WriteEndArray();
            w.WriteStartArray(NextTestsName);
            foreach (var next in i.NextTests)
            {
                w.WriteStringValue(next);
            }

            w.WriteEndArray();
            WriteCitations(w, i.Sources, detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
