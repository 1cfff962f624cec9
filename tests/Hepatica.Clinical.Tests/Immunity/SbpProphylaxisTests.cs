using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Immunity;

/// <summary>
/// SBP prophylaxis indications (AASLD 2021, Biggins, Hepatology 74:1014): prior SBP; ascitic protein &lt; 1.5 g/dL with
/// creatinine ≥ 1.2 mg/dL, BUN ≥ 25 mg/dL, sodium ≤ 130 mmol/L, or Child-Pugh ≥ 9 with bilirubin ≥ 3 mg/dL; GI bleeding.
/// Each threshold at and just beyond it.
/// </summary>
public sealed class SbpProphylaxisTests
{
    private static PatientSnapshot Patient(LabPanel labs, bool? cirrhosis = true, MedicalHistory? history = null) => new()
    {
        Labs = labs,
        Findings = new ClinicalFindings { Cirrhosis = cirrhosis },
        History = history ?? MedicalHistory.Empty,
    };

    private static ScoreOutcome ChildPughOf(decimal points) =>
        ScoreOutcome.Calculated(new ScoreResult(ChildPugh.Definition, points, null, null, [], []));

    private static List<string> Ids(PatientSnapshot p, params ScoreOutcome[] outcomes) =>
        [.. SbpProphylaxis.Evaluate(p, outcomes, new List<string>()).Select(s => s.Id)];

    private static LabPanel Protein(string gPerDl) => new() { AscitesProtein = AscitesProtein.FromGramsPerDeciliter(D(gPerDl)) };

    [Theory]
    [InlineData("1.2", true)]
    [InlineData("1.19", false)]
    public void Primary_creatinine_at_1_2(string creatinine, bool expected)
    {
        var labs = Protein("1.4") with { Creatinine = Creatinine.FromMilligramsPerDeciliter(D(creatinine)) };
        Assert.Equal(expected, Ids(Patient(labs)).Contains("sbp-primary"));
    }

    [Theory]
    [InlineData("25", true)]
    [InlineData("24.9", false)]
    public void Primary_bun_at_25(string bun, bool expected)
    {
        var labs = Protein("1.4") with { Urea = Urea.FromMilligramsNitrogenPerDeciliter(D(bun)) };
        Assert.Equal(expected, Ids(Patient(labs)).Contains("sbp-primary"));
    }

    [Theory]
    [InlineData("130", true)]
    [InlineData("131", false)]
    public void Primary_sodium_at_130(string sodium, bool expected)
    {
        var labs = Protein("1.4") with { Sodium = Sodium.FromMillimolesPerLiter(D(sodium)) };
        Assert.Equal(expected, Ids(Patient(labs)).Contains("sbp-primary"));
    }

    [Theory]
    [InlineData("9", "3", true)]
    [InlineData("8", "3", false)]
    [InlineData("9", "2.9", false)]
    public void Primary_liver_failure_needs_Child_Pugh_9_and_bilirubin_3(string points, string bilirubin, bool expected)
    {
        var labs = Protein("1.4") with { Bilirubin = Bilirubin.FromMilligramsPerDeciliter(D(bilirubin)) };
        Assert.Equal(expected, Ids(Patient(labs), ChildPughOf(D(points))).Contains("sbp-primary"));
    }

    [Theory]
    [InlineData("1.49", true)]
    [InlineData("1.5", false)]
    public void Primary_protein_below_1_5(string protein, bool expected)
    {
        var labs = Protein(protein) with { Creatinine = Creatinine.FromMilligramsPerDeciliter(2m) };
        Assert.Equal(expected, Ids(Patient(labs)).Contains("sbp-primary"));
    }

    [Fact]
    public void Primary_protein_in_g_per_L_is_converted()
    {
        var labs = new LabPanel { AscitesProtein = AscitesProtein.FromGramsPerLiter(14m), Sodium = Sodium.FromMillimolesPerLiter(128m) };
        Assert.Equal(["sbp-primary"], Ids(Patient(labs)));
    }

    [Fact]
    public void Primary_low_protein_without_other_labs_names_them()
    {
        var missing = new List<string>();
        Assert.Empty(SbpProphylaxis.Evaluate(Patient(Protein("1.0")), [], missing));
        Assert.Equal(["labs.creatinine", "labs.bun", "labs.sodium", "labs.bilirubin"], missing);
    }

    [Fact]
    public void Secondary_and_bleeding_from_history()
    {
        var history = new MedicalHistory { PriorSbp = true, GiBleedingNow = true };
        Assert.Equal(["sbp-secondary", "sbp-gi-bleeding"], Ids(Patient(LabPanel.Empty, history: history)));
        Assert.Empty(Ids(Patient(LabPanel.Empty, history: new MedicalHistory { PriorSbp = false, GiBleedingNow = false })));
    }

    [Fact]
    public void Cirrhosis_unknown_asks_for_it_and_cirrhosis_absent_gives_nothing()
    {
        var history = new MedicalHistory { GiBleedingNow = true };
        var missing = new List<string>();
        Assert.Empty(SbpProphylaxis.Evaluate(Patient(LabPanel.Empty, cirrhosis: null, history), [], missing));
        Assert.Equal(["findings.cirrhosis"], missing);
        Assert.Empty(Ids(Patient(LabPanel.Empty, cirrhosis: false, history)));
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
