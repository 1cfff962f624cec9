namespace Hepatica.Fhir.Tests;

public sealed class ConditionCodesTests
{
    [Fact]
    public void All_EachCodeOnce() =>
        Assert.Equal(ConditionCodes.All.Count, ConditionCodes.All.Select(c => (c.System, c.Code)).Distinct().Count());

    [Theory]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "K70.31", new[] { ConditionKind.Cirrhosis, ConditionKind.AlcoholRelatedLiverDisease, ConditionKind.Ascites })]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "K7031", new[] { ConditionKind.Cirrhosis, ConditionKind.AlcoholRelatedLiverDisease, ConditionKind.Ascites })]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "E11.9", new[] { ConditionKind.Diabetes })]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "E110", new[] { ConditionKind.Diabetes })]
    [InlineData("http://snomed.info/sct", "7200002", new[] { ConditionKind.AlcoholUseDisorder })]
    [InlineData("http://snomed.info/sct", "15777000", new ConditionKind[0])] // prediabetes: not impaired fasting glucose
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "K74.60", new[] { ConditionKind.Cirrhosis })]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "K74.3", new[] { ConditionKind.CholestaticLiverDisease })]
    public void Match_Codes_Kinds(string system, string code, ConditionKind[] expected) =>
        Assert.Equal(expected.Order(), ConditionCodes.Match(system, code).Select(m => m.Kind).Distinct().Order());

    [Fact]
    public void All_EveryIcd10CmRowCrossChecked()
    {
        // C: in the public pre-FY2022 ICD-10-CM list (medtrack-io/icd_code); X: newer codes (K76.82 FY2023, K83.01 FY2022)
        // found only in third-party code lists. No ICD-10-CM row is left at the author's memory ("I") any more.
        var icd = ConditionCodes.All.Where(c => c.System == ConditionCodes.Icd10Cm).ToList();
        Assert.All(icd, c => Assert.Contains(c.Checked, (string[])["C", "X"]));
        Assert.Equal(["K76.82", "K83.01"], icd.Where(c => c.Checked == "X").Select(c => c.Code));
    }

    [Fact]
    public void Dialysis_EveryCodeCrossChecked() =>
        Assert.All(ProcedureCodes.Dialysis, d => Assert.DoesNotContain("unverified", d.Checked, StringComparison.Ordinal));

    [Fact]
    public void LabCodes_EachLoincOnce() =>
        Assert.Equal(LabCodes.Rules.Sum(r => r.Codes.Count), LabCodes.Rules.SelectMany(r => r.Codes).Select(c => c.Loinc).Distinct().Count());
}
