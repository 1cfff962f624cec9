using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Immunity;
using Hepatica.Clinical.Prevention;

namespace Hepatica.Clinical.Tests.Immunity;

/// <summary>The medication code table and the CVX table: mapping, unknown codes, ids.</summary>
public sealed class MedicationClassesTests
{
    [Theory]
    [InlineData(MedicationCodeSystem.Atc, "L01FA01", MedicationClass.BCellDepleting)]
    [InlineData(MedicationCodeSystem.Atc, "l01xc02", MedicationClass.BCellDepleting)]
    [InlineData(MedicationCodeSystem.Atc, "H02AB07", MedicationClass.Corticosteroid)]
    [InlineData(MedicationCodeSystem.Atc, "L04AB02", MedicationClass.TnfInhibitor)]
    [InlineData(MedicationCodeSystem.Atc, "L04AX01", MedicationClass.TraditionalImmunosuppressant)]
    [InlineData(MedicationCodeSystem.Atc, "L04AD02", MedicationClass.CalcineurinInhibitor)]
    [InlineData(MedicationCodeSystem.Atc, "L04AG08", MedicationClass.BCellDepleting)]
    [InlineData(MedicationCodeSystem.Atc, "L04AA36", MedicationClass.BCellDepleting)]
    [InlineData(MedicationCodeSystem.Atc, "L04AG03", MedicationClass.CytokineIntegrinInhibitor)]
    [InlineData(MedicationCodeSystem.Atc, "L04AG05", MedicationClass.CytokineIntegrinInhibitor)]
    [InlineData(MedicationCodeSystem.Atc, "l04aa33", MedicationClass.CytokineIntegrinInhibitor)]
    [InlineData(MedicationCodeSystem.RxNorm, "121191", MedicationClass.BCellDepleting)]
    [InlineData(MedicationCodeSystem.RxNorm, "8640", MedicationClass.Corticosteroid)]
    [InlineData(MedicationCodeSystem.RxNorm, "68149", MedicationClass.Antimetabolite)] // mycophenolate mofetil (IN)
    [InlineData(MedicationCodeSystem.RxNorm, "7145", MedicationClass.Antimetabolite)]  // mycophenolic acid (IN, CPIC): was missing
    public void Find_maps_a_code_to_its_class(MedicationCodeSystem system, string code, MedicationClass expected) =>
        Assert.Equal(expected, MedicationClasses.Find(new MedicationCode(system, code))!.Class);

    [Theory]
    [InlineData(MedicationCodeSystem.Atc, "C03CA01")]
    [InlineData(MedicationCodeSystem.RxNorm, "L01FA01")]
    [InlineData(MedicationCodeSystem.RxNorm, "999999999")]
    public void Find_unknown_code_is_null(MedicationCodeSystem system, string code) =>
        Assert.Null(MedicationClasses.Find(new MedicationCode(system, code)));

    [Fact]
    public void Table_codes_are_unique_and_ids_round_trip()
    {
        Assert.Equal(MedicationClasses.Table.Count, MedicationClasses.Table.Select(e => (e.System, e.Code)).Distinct().Count());
        foreach (var c in Enum.GetValues<MedicationClass>())
        {
            Assert.Equal(c, MedicationClasses.Parse(MedicationClasses.IdOf(c)));
        }

        Assert.Null(MedicationClasses.Parse("steroid"));
    }

    [Theory]
    [InlineData("43", Vaccine.HepB)]
    [InlineData("8", Vaccine.HepB)]
    [InlineData("189", Vaccine.HepBCpg)]
    [InlineData("104", Vaccine.HepAHepB)]
    [InlineData("52", Vaccine.HepA)]
    [InlineData("216", Vaccine.Pcv20)]
    [InlineData("215", Vaccine.Pcv15)]
    [InlineData("327", Vaccine.Pcv21)]
    [InlineData("220", Vaccine.HepB3Antigen)]
    [InlineData("33", Vaccine.Ppsv23)]
    [InlineData("187", Vaccine.Rzv)]
    [InlineData("115", Vaccine.Tdap)]
    [InlineData("3", Vaccine.Mmr)]
    public void FromCvx_maps_a_code_to_its_vaccine(string cvx, Vaccine expected) => Assert.Equal(expected, VaccineCodes.FromCvx(cvx));

    [Fact]
    public void FromCvx_unknown_is_null_and_vaccine_ids_round_trip()
    {
        Assert.Null(VaccineCodes.FromCvx("9999"));
        Assert.Null(VaccineCodes.FromCvx(" "));
        foreach (var v in Enum.GetValues<Vaccine>())
        {
            Assert.Equal(v, VaccineCodes.Parse(VaccineCodes.IdOf(v)));
            Assert.All(VaccineCodes.CvxOf(v), c => Assert.Equal(v, VaccineCodes.FromCvx(c)));
        }
    }
}
