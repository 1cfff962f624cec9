using System.Net;
using System.Text.Json.Nodes;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>patient-view cards from hand-made FHIR fixtures whose findings are known from their content.</summary>
public sealed class PatientViewTests
{
    private const string Path = "/cds-services/hepatica-patient-view";

    private static async Task<List<JsonObject>> Cards(JsonObject request)
    {
        await using var host = new CdsHost();
        var (response, body) = await host.PostJson(Path, Requests.Json(request));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        CardContract.Check(body);
        return [.. Json.Cards(body)];
    }

    [Fact]
    public async Task Ascites_coded_without_grade_no_decompensation_card()
    {
        // The fixture codes ascites (R18.8) without a grade, so findings.ascites is not set (FHR020): the decompensation
        // signal is not raised on a guess.
        var cards = await Cards(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")));
        Assert.DoesNotContain(cards, c => ((string)c["summary"]!).StartsWith("Decompensated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Possible_signal_info_card_names_what_settles_it()
    {
        // Issue 11 s.2: cirrhosis, ascites coded without a grade and no encephalopathy grade (FHIR codes none): whether a
        // major complication is present (EASL 2016) is not known, so the decompensation signal is possible, an info card
        // naming what settles it, with Child-Pugh as its range over the encephalopathy grades and ascites.
        var cards = await Cards(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")));
        var card = Assert.Single(cards, c => ((string)c["summary"]!).StartsWith("Possibly decompensated cirrhosis: record findings.ascites", StringComparison.Ordinal));
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.Equal("EASL 2016", (string?)card["source"]!["label"]);
        Assert.Contains("Settled by: findings.ascites", (string?)card["detail"], StringComparison.Ordinal);
        Assert.Contains("| assumed | result |", (string?)card["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cirrhosis_with_high_meld_refer_with_breakdown()
    {
        // Bilirubin 3.2 mg/dL, INR 1.9, sodium 129 and dialysis twice in the week (creatinine set to 4.0): MELD-Na is
        // far above 15 whatever the rounding, so the AASLD/AST 2013 referral applies, with the MELD breakdown.
        var cards = await Cards(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")));
        // MELD 3.0 by hand (Kim 2021), female, creatinine 3.0 for dialysis, albumin 2.8 g/dL: 1.33 + 4.56 ln 3.2 + 0.82 x 8
        // - 0.24 x 8 x ln 3.2 + 9.09 ln 1.9 + 11.14 ln 3 + 1.85 x 0.7 - 1.83 x 0.7 x ln 3 + 6 = 34.92 -> 35.
        var card = Assert.Single(cards, c => ((string)c["summary"]!).StartsWith("Cirrhosis with MELD 3.0 35 (≥ 15)", StringComparison.Ordinal));
        Assert.Equal("AASLD/AST 2013", (string?)card["source"]!["label"]);
        Assert.Contains("| step | value | how |", (string?)card["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hepatitis_b_with_active_rituximab_high_reactivation_risk()
    {
        // HBsAg positive in the fixture; rituximab is B-cell depleting: AGA 2015 high risk (> 10 %) -> prophylaxis.
        var cards = await Cards(Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json"), Requests.Rituximab("hbv-1", "active")));
        var card = Assert.Single(cards, c => ((string)c["summary"]!).StartsWith("Hepatitis B reactivation high risk with rituximab", StringComparison.Ordinal));
        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.Equal("AGA 2015", (string?)card["source"]!["label"]);
        Assert.Contains("HBsAg-positive", (string?)card["summary"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hepatitis_b_known_no_screening_card_for_b()
    {
        var cards = await Cards(Requests.PatientView(Requests.Fixture("hepatitis-b-serology.json")));
        Assert.DoesNotContain(cards, c => ((string)c["summary"]!).Contains("hepatitis B or C serology", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adult_without_serology_screening_card_orders_the_missing_tests()
    {
        // The cirrhosis fixture has no hepatitis result: CDC screens every adult once (HBV triple panel, anti-HCV).
        var cards = await Cards(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")));
        var card = Assert.Single(cards, c => ((string)c["summary"]!).StartsWith("No hepatitis B or C serology", StringComparison.Ordinal));
        var actions = card["suggestions"]![0]!["actions"]!.AsArray();
        Assert.Equal(["5196-1", "13952-7", "16935-9", "13955-0"], actions.Select(a => (string?)a!["resource"]!["code"]!["coding"]![0]!["code"]));
        Assert.All(actions, a =>
        {
            Assert.Equal("ServiceRequest", (string?)a!["resource"]!["resourceType"]);
            Assert.Equal("proposal", (string?)a["resource"]!["intent"]);
            Assert.Equal("Patient/cirrhosis-1", (string?)a["resource"]!["subject"]!["reference"]);
        });
    }

    [Fact]
    public async Task Vaccines_due_propose_immunization_recommendations()
    {
        // Which vaccines are due is the prevention plan's decision (tested in Hepatica.Clinical.Tests); here only the card's
        // shape: each suggestion creates an ImmunizationRecommendation with forecast status "due" for this patient.
        var cards = await Cards(Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json")));
        var card = Assert.Single(cards, c => ((string)c["summary"]!).StartsWith("Vaccines due now", StringComparison.Ordinal));
        Assert.All(card["suggestions"]!.AsArray(), s =>
        {
            var resource = s!["actions"]![0]!["resource"]!;
            Assert.Equal("ImmunizationRecommendation", (string?)resource["resourceType"]);
            Assert.Equal("due", (string?)resource["recommendation"]![0]!["forecastStatus"]!["coding"]![0]!["code"]);
            Assert.Equal("Patient/cirrhosis-1", (string?)resource["patient"]!["reference"]);
        });
    }

    [Fact]
    public async Task No_patient_in_prefetch_no_cards()
    {
        var request = Requests.PatientView(Requests.Fixture("cirrhosis-ascites-dialysis.json"));
        request["prefetch"]!["Patient"] = null;
        Assert.Empty(await Cards(request));
    }
}
