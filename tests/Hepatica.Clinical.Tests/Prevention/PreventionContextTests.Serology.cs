using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;

namespace Hepatica.Clinical.Tests.Prevention;

/// <summary>
/// Hepatitis B texts that match the serology. Interpretation of the triple panel from CDC 2023 (Conners, MMWR Recomm Rep
/// 72(1), table "Interpretation of hepatitis B serologic test results"): HBsAg+ current infection; HBsAg-, anti-HBc+,
/// anti-HBs+ resolved; HBsAg-, anti-HBc+, anti-HBs- isolated anti-HBc; HBsAg-, anti-HBc-, anti-HBs+ immune by
/// vaccination; all negative susceptible. AASLD 2018 for the isolated anti-HBc work-up.
/// </summary>
public sealed partial class PreventionContextTests
{
    public static TheoryData<string, bool?, bool?, bool?, RecommendationStatus, string, string> Serologies => new()
    {
        // case, HBsAg, anti-HBc, anti-HBs, status, clinician contains, patient contains
        { "current", true, true, false, RecommendationStatus.NotRecommended, "HBsAg positive (current infection)", "you have hepatitis B now" },
        { "current, anti-HBc not given", true, null, null, RecommendationStatus.NotRecommended, "HBsAg positive (current infection)", "you have hepatitis B now" },
        { "anti-HBc with HBsAg not given", null, true, true, RecommendationStatus.NotRecommended, "Test HBsAg", "One more blood test will show whether the infection is still there" },
        { "resolved", false, true, true, RecommendationStatus.NotRecommended, "resolved infection", "your body cleared it" },
        { "isolated anti-HBc", false, true, false, RecommendationStatus.NotRecommended, "isolated anti-HBc", "no infection now and no clear protection" },
        { "anti-HBc, anti-HBs not given", false, true, null, RecommendationStatus.NotRecommended, "Test anti-HBs", "whether you are protected" },
        { "immune by vaccination", false, false, true, RecommendationStatus.Complete, "immune by vaccination", "the hepatitis B vaccine has protected you" },
        { "immune, anti-HBc not given", null, null, true, RecommendationStatus.Complete, "immune (anti-HBs positive)", "You are protected against hepatitis B." },
        { "susceptible", false, false, false, RecommendationStatus.DueNow, "susceptible (HBsAg, anti-HBc and anti-HBs negative)", "you are not protected against hepatitis B" },
    };

    [Theory]
    [MemberData(nameof(Serologies))]
    public void HepatitisB_Serology_TextsMatchTheSerostatus(string serostatus, bool? hbsAg, bool? antiHbc, bool? antiHbs, RecommendationStatus status, string clinician, string patient)
    {
        var item = Item(Plan(Patient(), new HepatitisMarkers { HbsAg = hbsAg, AntiHbc = antiHbc, AntiHbsPositive = antiHbs }), "hepatitis-b")!;
        Assert.True(status == item.Status, serostatus);
        Assert.Contains(clinician, item.Clinician, StringComparison.Ordinal);
        Assert.Contains(patient, item.Patient, StringComparison.Ordinal);
        Assert.DoesNotContain("You have had hepatitis B, so this vaccine will not help you", item.Patient, StringComparison.Ordinal);
    }

    [Fact]
    public void HepatitisB_EverySerostatus_HasItsOwnPatientText()
    {
        // One (HBsAg, anti-HBc, anti-HBs) per interpretation of CDC 2023; each gets a patient text of its own.
        (bool?, bool?, bool?)[] rows = [(true, true, false), (null, true, true), (false, true, true), (false, true, false), (false, true, null), (false, false, true), (false, false, false)];
        var texts = rows.Select(r => Item(Plan(Patient(), new HepatitisMarkers { HbsAg = r.Item1, AntiHbc = r.Item2, AntiHbsPositive = r.Item3 }), "hepatitis-b")!.Patient).ToList();
        Assert.Equal(rows.Length, texts.Distinct().Count());
    }
}
