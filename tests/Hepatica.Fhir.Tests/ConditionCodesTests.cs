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
    public void LabCodes_EachLoincOnce() =>
        Assert.Equal(LabCodes.Rules.Sum(r => r.Codes.Count), LabCodes.Rules.SelectMany(r => r.Codes).Select(c => c.Loinc).Distinct().Count());
}
