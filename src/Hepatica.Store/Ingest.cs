namespace Hepatica.Store;

/// <summary>
/// Turns input into ingest batches (docs/store.md, "Ingest"): a snapshot document or JSON Lines line, a FHIR Bundle
/// (any type: collection, transaction, searchset, history), a single FHIR resource (an Observation), or a Subscription
/// notification Bundle (R4 Backport IG, full-resource content). One batch per patient in the input.
/// </summary>
public static class IngestParser
{
    /// <summary>Parses one JSON document from <paramref name="source"/>.</summary>
    public static IReadOnlyList<IngestBatch> Parse(ReadOnlyMemory<byte> utf8Json, string source)
    {
        _ = utf8Json;
        _ = source;
        // Seam (issue 13): the replay helper writes the parser.
        throw new NotImplementedException("Ingest parsing is being built (issue 13).");
    }
}

/// <summary>
/// Makes a patient's timeline from its current arrivals (docs/store.md, "Timeline"): one assessment at every instant an
/// input changed, each read as of that instant with the FHIR reader's windows, and re-makes one from its receipt.
/// Pure: no database.
/// </summary>
public static class Replay
{
    /// <summary>Every timeline entry for the patient's current arrivals, oldest first.</summary>
    public static IReadOnlyList<TimelineEntry> Build(string patientId, IReadOnlyList<StoredArrival> current, Hepatica.Clinical.GuidelineProfile profile)
    {
        _ = patientId;
        _ = current;
        _ = profile;
        // Seam (issue 13): the replay helper writes the replay.
        return [];
    }

    /// <summary>Re-makes the assessment a receipt names from the stored arrivals (the receipt's ids): its JSON is byte for byte the stored one.</summary>
    public static Remade Rerun(Receipt receipt, IReadOnlyList<StoredArrival> arrivals)
    {
        _ = receipt;
        _ = arrivals;
        throw new NotImplementedException("Receipts are being built (issue 13).");
    }
}

/// <summary>An assessment re-made from its receipt: the assessment, what the FHIR writer needs for it, and its JSON.</summary>
/// <param name="Assessment">The assessment.</param>
/// <param name="WriteContext">Subject, sources and instants for <c>FhirAssessmentWriter</c>.</param>
/// <param name="Json">The JSON, as the timeline stores it.</param>
public sealed record Remade(Hepatica.Clinical.Assessment Assessment, Hepatica.Fhir.Writing.FhirWriteContext WriteContext, string Json);
