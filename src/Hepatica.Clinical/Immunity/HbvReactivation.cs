using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Immunity;

/// <summary>One row of the AGA 2015 table: a drug group and the risk band for each serostatus.</summary>
/// <param name="Id">Stable row id.</param>
/// <param name="Drugs">The drug group in words.</param>
/// <param name="HbsAgPositive">Band for HBsAg-positive patients.</param>
/// <param name="AntiHbcOnly">Band for HBsAg-negative, anti-HBc-positive patients.</param>
public sealed record ReactivationRow(string Id, string Drugs, RiskBand HbsAgPositive, RiskBand AntiHbcOnly);

/// <summary>
/// Hepatitis B reactivation risk by drug class and serostatus: the table of the AGA 2015 guideline (Reddy 2015, from
/// the technical review of Perrillo 2015), with the action each band carries: high → prophylaxis, moderate →
/// prophylaxis suggested over monitoring, low → usual care (monitoring). Prophylaxis is entecavir or tenofovir
/// (high barrier to resistance), continued at least 6 months after the therapy stops, 12 months after B-cell depleting
/// agents. Drugs the AGA table does not classify (calcineurin inhibitors, antimetabolites, checkpoint inhibitors,
/// HCV direct-acting antivirals) follow AASLD 2018: prophylaxis for HBsAg-positive patients, monitoring for
/// HBsAg-negative anti-HBc-positive ones.
/// </summary>
public static class HbvReactivation
{
    /// <summary>AGA 2015 guideline on HBV reactivation during immunosuppressive drug therapy.</summary>
    public static readonly Citation Aga2015 = new(
        "AGA 2015",
        "Reddy KR, Beavers KL, Hammond SP, Lim JK, Falck-Ytter YT; American Gastroenterological Association Institute. American Gastroenterological Association Institute guideline on the prevention and treatment of hepatitis B virus reactivation during immunosuppressive drug therapy. Gastroenterology 2015;148(1):215-219 (technical review: Perrillo RP, Gish R, Falck-Ytter YT. Gastroenterology 2015;148(1):221-244.e3).",
        2015, "https://doi.org/10.1053/j.gastro.2014.10.039");

    /// <summary>AASLD 2018 hepatitis B guidance.</summary>
    public static readonly Citation Aasld2018 = new(
        "AASLD 2018 HBV",
        "Terrault NA, Lok ASF, McMahon BJ, et al. Update on prevention, diagnosis, and treatment of chronic hepatitis B: AASLD 2018 hepatitis B guidance. Hepatology 2018;67(4):1560-1599.",
        2018, "https://doi.org/10.1002/hep.29800");

    /// <summary>Daily prednisone-equivalent dose from which AGA 2015 counts a corticosteroid as moderate (10-20 mg) or high (&gt; 20 mg) dose.</summary>
    public const decimal ModerateDoseMgPerDay = 10m;

    /// <summary>Duration (weeks) at or below which corticosteroids are low risk whatever the dose (AGA 2015: ≤ 1 week).</summary>
    public const decimal ShortCourseWeeks = 1m;

    /// <summary>The AGA 2015 table, row by row.</summary>
    public static readonly IReadOnlyList<ReactivationRow> Table =
    [
        new("b-cell-depleting", "B-cell depleting agents (rituximab, ofatumumab)", RiskBand.High, RiskBand.High),
        new("anthracycline", "anthracycline derivatives (doxorubicin, epirubicin)", RiskBand.High, RiskBand.Moderate),
        new("corticosteroid-moderate-high-dose-4-weeks", "corticosteroids, prednisone ≥ 10 mg/day for ≥ 4 weeks", RiskBand.High, RiskBand.Moderate),
        new("corticosteroid-low-dose-4-weeks", "corticosteroids, prednisone < 10 mg/day for ≥ 4 weeks", RiskBand.Moderate, RiskBand.Low),
        new("corticosteroid-1-week", "corticosteroids for ≤ 1 week, any dose", RiskBand.Low, RiskBand.Low),
        new("tnf-inhibitor", "TNF-α inhibitors (etanercept, adalimumab, certolizumab, infliximab)", RiskBand.Moderate, RiskBand.Moderate),
        new("cytokine-integrin-inhibitor", "cytokine and integrin inhibitors (abatacept, ustekinumab, natalizumab, vedolizumab)", RiskBand.Moderate, RiskBand.Moderate),
        new("tyrosine-kinase-inhibitor", "tyrosine kinase inhibitors (imatinib, nilotinib)", RiskBand.Moderate, RiskBand.Moderate),
        new("traditional-immunosuppressant", "traditional immunosuppressants (azathioprine, 6-mercaptopurine, methotrexate)", RiskBand.Low, RiskBand.Low),
    ];

    /// <summary>The risk of each medication for the serostatus; inputs that would decide are added to <paramref name="missing"/>.</summary>
    /// <param name="medications">The medications.</param>
    /// <param name="serostatus">HBV serostatus, null when unknown.</param>
    /// <param name="missing">Collects snapshot paths that would decide.</param>
    public static IReadOnlyList<ReactivationRisk> Evaluate(IReadOnlyList<Medication> medications, HbvSerostatus? serostatus, ICollection<string> missing)
    {
        ArgumentNullException.ThrowIfNull(medications);
        ArgumentNullException.ThrowIfNull(missing);
        var risks = new List<ReactivationRisk>();
        for (var i = 0; i < medications.Count; i++)
        {
            var m = medications[i];
            if (m.Class == MedicationClass.Other)
            {
                continue;
            }

            if (serostatus is null)
            {
                missing.Add(Serology.SerologyPaths.HbsAg);
                missing.Add(Serology.SerologyPaths.AntiHbcTotal);
                continue;
            }

            if (serostatus == HbvSerostatus.NotExposed)
            {
                continue;
            }

            if (Risk(m, i, serostatus.Value, missing) is { } risk)
            {
                risks.Add(risk);
            }
        }

        return [.. risks.OrderByDescending(r => r.Band ?? RiskBand.Moderate).ThenByDescending(r => r.Action)];
    }

    /// <summary>The table row for a medication, or null when the AGA table does not classify it or an input is missing.</summary>
    public static ReactivationRow? RowFor(Medication medication, int index, ICollection<string> missing)
    {
        ArgumentNullException.ThrowIfNull(medication);
        ArgumentNullException.ThrowIfNull(missing);
        string? id = medication.Class switch
        {
            MedicationClass.BCellDepleting => "b-cell-depleting",
            MedicationClass.Anthracycline => "anthracycline",
            MedicationClass.TnfInhibitor => "tnf-inhibitor",
            MedicationClass.CytokineIntegrinInhibitor => "cytokine-integrin-inhibitor",
            MedicationClass.TyrosineKinaseInhibitor => "tyrosine-kinase-inhibitor",
            MedicationClass.TraditionalImmunosuppressant => "traditional-immunosuppressant",
            MedicationClass.Corticosteroid => CorticosteroidRow(medication, index, missing),
            _ => null,
        };
        return id is null ? null : Table.First(r => r.Id == id);
    }

    /// <summary>
    /// ≤ 1 week: low whatever the dose. Longer: by dose (&lt; 10 mg or ≥ 10 mg prednisone equivalent). AGA 2015 classifies
    /// ≤ 1 week and ≥ 4 weeks; a course between the two is read with the ≥ 4-week rows (the conservative choice).
    /// </summary>
    private static string? CorticosteroidRow(Medication m, int index, ICollection<string> missing)
    {
        if (m.DurationWeeks is not { } weeks)
        {
            missing.Add($"medications[{index}].durationWeeks");
            return null;
        }

        if (weeks <= ShortCourseWeeks)
        {
            return "corticosteroid-1-week";
        }

        if (m.PrednisoneEquivalentMgPerDay is not { } dose)
        {
            missing.Add($"medications[{index}].prednisoneEquivalentMgPerDay");
            return null;
        }

        return dose >= ModerateDoseMgPerDay ? "corticosteroid-moderate-high-dose-4-weeks" : "corticosteroid-low-dose-4-weeks";
    }

    private static ReactivationRisk? Risk(Medication m, int index, HbvSerostatus status, ICollection<string> missing)
    {
        var name = m.Name ?? MedicationClasses.IdOf(m.Class);
        var positive = status == HbvSerostatus.HbsAgPositive;
        var who = positive ? "HBsAg-positive" : "HBsAg-negative, anti-HBc-positive";
        if (RowFor(m, index, missing) is { } row)
        {
            var band = positive ? row.HbsAgPositive : row.AntiHbcOnly;
            var action = band switch
            {
                RiskBand.High => ReactivationAction.Prophylaxis,
                RiskBand.Moderate => ReactivationAction.ProphylaxisOrMonitoring,
                _ => ReactivationAction.Monitoring,
            };
            var percent = band switch { RiskBand.High => "> 10 %", RiskBand.Moderate => "1-10 %", _ => "< 1 %" };
            return new ReactivationRisk(row.Id, name, m.Class, band, action,
                $"{name} ({row.Drugs}) in an {who} patient: {band.ToString().ToLowerInvariant()} risk of HBV reactivation ({percent}). {ActionText(action, m.Class)}",
                Aga2015);
        }

        if (m.Class == MedicationClass.Corticosteroid)
        {
            return null;
        }

        var drugs = MedicationClasses.IdOf(m.Class);
        if (m.Class == MedicationClass.HcvDirectActingAntiviral)
        {
            return positive
                ? new ReactivationRisk(drugs, name, m.Class, null, ReactivationAction.ProphylaxisOrMonitoring,
                    $"{name} (HCV direct-acting antiviral) in an HBsAg-positive patient: HBV can reactivate as HCV clears. Antiviral prophylaxis (entecavir or tenofovir) until 12 weeks after the DAA course, or HBV DNA monitoring during it with treatment on demand.", Aasld2018)
                : new ReactivationRisk(drugs, name, m.Class, null, ReactivationAction.Monitoring,
                    $"{name} (HCV direct-acting antiviral) in an HBsAg-negative, anti-HBc-positive patient: reactivation is rare. No prophylaxis; test HBV DNA and HBsAg if ALT rises during or after treatment.", Aasld2018);
        }

        var act = positive ? ReactivationAction.Prophylaxis : ReactivationAction.Monitoring;
        return new ReactivationRisk(drugs, name, m.Class, null, act,
            $"{name} ({drugs}) in an {who} patient: not banded by AGA 2015. {ActionText(act, m.Class)}", Aasld2018);
    }

    private static string ActionText(ReactivationAction action, MedicationClass c) => action switch
    {
        ReactivationAction.Prophylaxis =>
            $"Antiviral prophylaxis with entecavir or tenofovir, started before the therapy and continued at least {(c == MedicationClass.BCellDepleting ? "12" : "6")} months after it stops.",
        ReactivationAction.ProphylaxisOrMonitoring =>
            "Antiviral prophylaxis (entecavir or tenofovir, continued 6 months after the therapy stops) is suggested over monitoring; monitoring (HBV DNA and ALT every 1-3 months, treatment on demand) is acceptable.",
        _ => "No routine prophylaxis; monitor ALT (and HBV DNA and HBsAg if ALT rises) and treat on demand.",
    };
}
