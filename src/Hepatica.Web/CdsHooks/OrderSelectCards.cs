using System.Text;
using Hepatica.Clinical;
using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hl7.Fhir.Model;
using Medication = Hepatica.Clinical.Findings.Medication;
using static Hepatica.Web.CdsHooks.CardKit;

namespace Hepatica.Web.CdsHooks;

/// <summary>order-select: the draft orders selected, read by the FHIR reader as planned medications, and the hepatitis B reactivation cards for them.</summary>
internal static class OrderSelectCards
{
    /// <summary>
    /// The prefetched resources without medication orders or statements, plus the selected draft MedicationRequests
    /// (context.selections names them as <c>MedicationRequest/{id}</c>) and the Medication resources of draftOrders
    /// they may reference.
    /// </summary>
    public static List<Resource> WithSelected(IReadOnlyList<Resource> prefetched, Bundle draftOrders, IReadOnlyCollection<string> selections)
    {
        var drafts = draftOrders.Entry.Select(e => e.Resource).ToList();
        return
        [
            .. prefetched.Where(r => r is not (MedicationRequest or MedicationStatement)),
            .. drafts.OfType<MedicationRequest>().Where(r => r.Id is { } id && selections.Contains("MedicationRequest/" + id)),
            .. drafts.OfType<Hl7.Fhir.Model.Medication>(),
        ];
    }

    public static List<Card> For(Assessment a, string patientId) => ReactivationCards.For(a.Immunity, a.Snapshot.Medications, patientId);
}

/// <summary>
/// Hepatitis B reactivation cards (AGA 2015, AASLD 2018) for the immunosuppressive or anticancer medications of the
/// snapshot: the risk when the serostatus is known, the serology to order when it is not, and a note when the row
/// depends on a dose or duration the order does not give.
/// </summary>
internal static class ReactivationCards
{
    public static List<Card> For(ImmunitySection immunity, IReadOnlyList<Medication> medications, string patientId)
    {
        var cards = new List<Card>();
        var drugs = medications.Where(m => m.Class != MedicationClass.Other).ToList();
        if (drugs.Count == 0)
        {
            return cards;
        }

        var names = string.Join(", ", drugs.Select(Name).Distinct());
        if (immunity.Serostatus is null)
        {
            var tests = new List<LabTest> { LabTest.HbsAg, LabTest.AntiHbc };
            var detail = $"{Capital(names)} can reactivate hepatitis B. Before starting, AGA 2015 and AASLD 2018 ask for HBsAg and anti-HBc (total); the record has no usable result for at least one of them (HBsAg counts only within the last year), so the reactivation risk cannot be judged.\n"
                + Cite(HbvReactivation.Aasld2018, HbvReactivation.Aga2015);
            cards.Add(Make(Short($"Check HBsAg and anti-HBc before starting {names}: hepatitis B reactivation risk unknown"), Warning, HbvReactivation.Aasld2018, detail,
                [OrderTests("Order HBsAg and anti-HBc (total)", patientId, tests)]));
            return cards;
        }

        if (immunity.Reactivation.Count > 0)
        {
            var top = immunity.Reactivation[0];
            var who = immunity.Serostatus == HbvSerostatus.HbsAgPositive ? "HBsAg-positive" : "anti-HBc-positive";
            var band = top.Band is { } b ? b.ToString().ToLowerInvariant() + " risk" : "risk";
            var action = top.Action switch
            {
                ReactivationAction.Prophylaxis => "antiviral prophylaxis",
                ReactivationAction.ProphylaxisOrMonitoring => "prophylaxis suggested",
                _ => "monitor",
            };
            var detail = new StringBuilder($"HBV serostatus: {who}.\n\n");
            foreach (var r in immunity.Reactivation)
            {
                detail.Append("- ").Append(r.Text).Append('\n');
            }

            detail.Append(Cite([.. immunity.Reactivation.Select(r => r.Source)]));
            var indicator = top.Action == ReactivationAction.Monitoring ? Info : Warning;
            cards.Add(Make(Short($"Hepatitis B reactivation {band} with {top.Medication} ({who}): {action}"), indicator, top.Source, detail.ToString()));
        }

        var undecided = immunity.Missing.Where(p => p.StartsWith("medications[", StringComparison.Ordinal)).ToList();
        if (undecided.Count > 0 && immunity.Serostatus != HbvSerostatus.NotExposed)
        {
            var detail = "The AGA 2015 row for a corticosteroid depends on the daily dose (prednisone equivalent, below or from 10 mg) and the duration (up to 1 week, or 4 weeks and more); the order does not give them in a form read here, so the risk band is not guessed.\n"
                + Cite(HbvReactivation.Aga2015);
            cards.Add(Make("Hepatitis B reactivation risk of the corticosteroid depends on dose and duration: not given", Info, HbvReactivation.Aga2015, detail));
        }

        return cards;
    }

    private static string Name(Medication m) => m.Name ?? MedicationClasses.IdOf(m.Class);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Long drug lists shorten to "these drugs" so the summary stays under the limit.</summary>
    private static string Short(string summary) => summary.Length < SummaryLimit ? summary : summary[..(SummaryLimit - 2)] + "…";
}
