using System.Runtime.CompilerServices;
using Hl7.Fhir.Model;

namespace Hepatica.Store;

/// <summary>
/// The resource the ingest parser already parsed (and validated) for an arrival, handed on to the timeline builder so a
/// record is parsed once, not once at ingest and again from the stored bytes. Keyed by the arrival object (reference
/// identity, held weakly: an entry goes with its arrival), so nothing outlives the batch and nothing is looked up by
/// content. Each parsed resource is handed over at most once (<see cref="Move"/> takes it from the batch's arrival), so
/// two ingests never share one; a builder given arrivals without one (a re-run, a rebuild from the database) parses
/// the stored bytes as before. The resource is the one the validating parse of those same bytes gave, which is the
/// resource the unvalidated re-parse gives (FhirRecord.Parse): the timeline's bytes are the same either way.
/// </summary>
internal static class ParsedResources
{
    private static readonly ConditionalWeakTable<Arrival, Resource> Table = [];

    /// <summary>Remembers the resource parsed for <paramref name="arrival"/>.</summary>
    public static void Remember(Arrival arrival, Resource resource) => Table.AddOrUpdate(arrival, resource);

    /// <summary>Moves the resource parsed for <paramref name="sent"/> (a batch's arrival) to <paramref name="stored"/> (that arrival as read back).</summary>
    public static void Move(Arrival sent, Arrival stored)
    {
        if (!ReferenceEquals(sent, stored) && Table.TryGetValue(sent, out var resource) && Table.Remove(sent))
        {
            Table.AddOrUpdate(stored, resource);
        }
    }

    /// <summary>Takes the resource parsed for <paramref name="arrival"/>, if any (at most once).</summary>
    public static Resource? Take(Arrival arrival) => Table.TryGetValue(arrival, out var resource) && Table.Remove(arrival) ? resource : null;
}
