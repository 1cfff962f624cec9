using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Immunity;

/// <summary>One observation threshold: an analyte below a count, and the CTCAE grade it marks.</summary>
/// <param name="Id">Stable id of the observation.</param>
/// <param name="Analyte">The analyte in words.</param>
/// <param name="Below">The count below which the observation applies, 10^9/L.</param>
/// <param name="Grade">The CTCAE v5.0 grade the threshold opens.</param>
public sealed record CountThreshold(string Id, string Analyte, decimal Below, int Grade);

/// <summary>
/// Immune dysfunction visible in routine labs, worded as observations ("lymphocytes 0.6 × 10^9/L, below 0.8"), not as
/// diagnoses. Thresholds are the CTCAE v5.0 grade boundaries that do not need the laboratory's lower limit of normal
/// (grade 2 and above): white cells &lt; 3.0, neutrophils &lt; 1.5, lymphocytes &lt; 0.8 × 10^9/L, each with its
/// grade. Only the most severe grade reached is reported per analyte.
/// </summary>
public static class ImmuneObservations
{
    /// <summary>NCI Common Terminology Criteria for Adverse Events v5.0 (2017).</summary>
    public static readonly Citation Ctcae5 = new(
        "CTCAE v5.0",
        "National Cancer Institute. Common Terminology Criteria for Adverse Events (CTCAE) version 5.0. US Department of Health and Human Services, 2017 (investigations: white blood cell decreased, neutrophil count decreased, lymphocyte count decreased).",
        2017, "https://ctep.cancer.gov/protocoldevelopment/electronic_applications/ctc.htm");

    /// <summary>The thresholds, most severe first within each analyte.</summary>
    public static readonly IReadOnlyList<CountThreshold> Thresholds =
    [
        new("white-cells-low", "white cells", 1.0m, 4),
        new("white-cells-low", "white cells", 2.0m, 3),
        new("white-cells-low", "white cells", 3.0m, 2),
        new("neutrophils-low", "neutrophils", 0.5m, 4),
        new("neutrophils-low", "neutrophils", 1.0m, 3),
        new("neutrophils-low", "neutrophils", 1.5m, 2),
        new("lymphocytes-low", "lymphocytes", 0.2m, 4),
        new("lymphocytes-low", "lymphocytes", 0.5m, 3),
        new("lymphocytes-low", "lymphocytes", 0.8m, 2),
    ];

    /// <summary>The observations a panel shows.</summary>
    /// <param name="labs">The lab panel.</param>
    public static IReadOnlyList<ImmuneSignal> Evaluate(LabPanel labs)
    {
        ArgumentNullException.ThrowIfNull(labs);
        var list = new List<ImmuneSignal>();
        Add(list, "white-cells-low", labs.Wbc?.BillionsPerLiter);
        Add(list, "neutrophils-low", labs.Neutrophils?.BillionsPerLiter);
        Add(list, "lymphocytes-low", labs.Lymphocytes?.BillionsPerLiter);
        return list;
    }

    private static void Add(List<ImmuneSignal> list, string id, decimal? count)
    {
        if (count is not { } value)
        {
            return;
        }

        foreach (var t in Thresholds)
        {
            if (t.Id == id && value < t.Below)
            {
                list.Add(new(id,
                    $"{char.ToUpperInvariant(t.Analyte[0])}{t.Analyte[1..]} {Breakdown.F(value)} × 10^9/L, below {Breakdown.F(t.Below)} (CTCAE grade {t.Grade} count); an observation to weigh with the infection risk, not a diagnosis.",
                    Ctcae5));
                return;
            }
        }
    }
}
