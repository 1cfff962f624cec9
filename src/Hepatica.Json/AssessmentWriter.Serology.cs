using System.Text.Json;
using Hepatica.Clinical.Serology;

namespace Hepatica.Json;

/// <summary>The <c>serology</c> section of the assessment JSON (docs/output.md).</summary>
public static partial class AssessmentWriter
{
    /// <summary>
    /// Writes <c>"serology": {"interpretations": [...]}</c>. Each interpretation has topic, category, clinician,
    /// inputs, nextTests and citations; <see cref="Detail.Full"/> adds the patient text and full citations.
    /// </summary>
    private static void WriteSerology(Utf8JsonWriter w, SerologySection section, Detail detail)
    {
        w.WriteStartObject(Names.Serology);
        w.WriteStartArray(Names.Interpretations);
        foreach (var i in section.Interpretations)
        {
            w.WriteStartObject();
            w.WriteString(Names.Topic, Encoded.Of(i.Topic));
            w.WriteString(Names.Category, Encoded.Of(i.Category));
            w.WriteString(Names.Clinician, i.Clinician);
            if (detail == Detail.Full)
            {
                w.WriteString(Names.Patient, i.Patient);
            }

            w.WriteStartArray(Names.Inputs);
            foreach (var input in i.Inputs)
            {
                w.WriteStringValue(Encoded.Of(input));
            }

            w.WriteEndArray();
            w.WriteStartArray(Names.NextTests);
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
