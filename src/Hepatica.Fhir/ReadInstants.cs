using Hepatica.Clinical.Prevention;
using Hl7.Fhir.Model;

namespace Hepatica.Fhir;

/// <summary>
/// The instants at which what <see cref="FhirSnapshotReader"/> reads from one resource other than an Observation can
/// change as the as-of moves (a timeline reads the record again at each): a Condition of a code the reader matches
/// (<see cref="ConditionCodes"/>) begins at its onset and ends at its abatement; a vaccine dose the core plans counts
/// from its occurrence; a medication is known from its assertion or authoring and starts and ends with its period.
/// Observations are dated by their effective time; a Procedure only counts relative to a creatinine's time, so it adds
/// none. Times are read as the reader reads them (a time without a zone as UTC, a partial date as its first instant).
/// </summary>
public static class ReadInstants
{
    private const string Cvx = "http://hl7.org/fhir/sid/cvx";

    /// <summary>The instants (possibly none) at which the reading of <paramref name="resource"/> can change.</summary>
    public static IEnumerable<DateTimeOffset> Of(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return (resource switch
        {
            Condition c when (c.Code?.Coding ?? []).Any(x => ConditionCodes.Match(x.System, x.Code).Any()) =>
                [Times.Of(c.Onset).Start, Times.Of(c.Abatement) is var (a, b) ? b ?? a : null],
            Immunization i when VaccineCodes.FromCvx(i.VaccineCode?.Coding.FirstOrDefault(x => x.System == Cvx)?.Code) is not null =>
                [Times.Of(i.Occurrence).Start],
            MedicationStatement s => [Times.Of(s.DateAssertedElement).Start, .. Pair(Times.Of(s.Effective))],
            MedicationRequest q => [Times.Of(q.AuthoredOnElement).Start, .. Pair(Times.Of(q.DispenseRequest?.ValidityPeriod))],
            _ => (DateTimeOffset?[])[],
        }).OfType<DateTimeOffset>();
    }

    private static DateTimeOffset?[] Pair((DateTimeOffset? Start, DateTimeOffset? End) period) => [period.Start, period.End];
}
