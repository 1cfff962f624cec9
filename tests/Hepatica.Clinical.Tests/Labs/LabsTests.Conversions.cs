using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hepatica.Clinical.Labs;

namespace Hepatica.Clinical.Tests.Labs;

public sealed partial class LabsTests
{
    [Fact]
    public void Equality_AcrossUnits_ComparesCanonicalValues()
    {
        Assert.Equal(Bilirubin.FromMilligramsPerDeciliter(2m), Bilirubin.FromMicromolesPerLiter(34.2m));
        Assert.True(Bilirubin.FromMilligramsPerDeciliter(3m) == Bilirubin.FromMicromolesPerLiter(51.3m));
        Assert.Equal(Bilirubin.FromMilligramsPerDeciliter(2m).GetHashCode(), Bilirubin.FromMicromolesPerLiter(34.2m).GetHashCode());
        Assert.Equal(Creatinine.FromMilligramsPerDeciliter(1m), Creatinine.FromMicromolesPerLiter(88.4m));
        Assert.Equal(Albumin.FromGramsPerDeciliter(3.5m), Albumin.FromGramsPerLiter(35m));
        Assert.Equal(Sodium.FromMillimolesPerLiter(130m), Sodium.FromMilliequivalentsPerLiter(130m));
        Assert.Equal(Platelets.FromBillionsPerLiter(150m), Platelets.FromThousandsPerMicroliter(150m));
        Assert.Equal(Platelets.FromBillionsPerLiter(150m), Platelets.FromPerMicroliter(150_000m));
        Assert.True(Bilirubin.FromMicromolesPerLiter(34.1m) < Bilirubin.FromMilligramsPerDeciliter(2m));
        Assert.True(Bilirubin.FromMicromolesPerLiter(51.4m) > Bilirubin.FromMilligramsPerDeciliter(3m));
    }

    [Fact]
    public void From_ReportedUnit_KeptForProvenance()
    {
        var bili = Bilirubin.FromMicromolesPerLiter(34.2m);
        Assert.Equal(34.2m, bili.ReportedValue);
        Assert.Equal(BilirubinUnit.MicromolePerLiter, bili.ReportedUnit);
        Assert.Equal(2m, bili.MilligramsPerDeciliter);
    }

    // Round trips: From(x, unit) read back in that unit gives x. Values are generated in the canonical unit with one
    // decimal and multiplied by the exact factor, as a laboratory report in SI units would be (see ClinicalArbitraries).
    [Property]
    public Property Bilirubin_MicromolesRoundTrip_Exact() =>
        Prop.ForAll(ClinicalArbitraries.Steps(1, 600, 10).Select(mg => mg * 17.1m).ToArbitrary(),
            umol => Bilirubin.FromMicromolesPerLiter(umol).MicromolesPerLiter == umol);

    [Property]
    public Property Creatinine_MicromolesRoundTrip_Exact() =>
        Prop.ForAll(ClinicalArbitraries.Steps(2, 150, 10).Select(mg => mg * 88.4m).ToArbitrary(),
            umol => Creatinine.FromMicromolesPerLiter(umol).MicromolesPerLiter == umol);

    [Property]
    // From the low-side floor, 5 g/L (0.5 g/dL, docs/snapshot.md): below it a g/L value is a g/dL mix-up (LAB004).
    public Property Albumin_GramsPerLiterRoundTrip_Exact() =>
        Prop.ForAll(ClinicalArbitraries.Steps(50, 600, 10).ToArbitrary(),
            gl => Albumin.FromGramsPerLiter(gl).GramsPerLiter == gl);

    // Whole-number SI reports (the usual form: creatinine 70 µmol/L, bilirubin 25 µmol/L) read back exactly in the unit reported.
    [Property]
    public Property Bilirubin_WholeMicromolesRoundTrip_Exact() =>
        Prop.ForAll(ClinicalArbitraries.Steps(2, 1000, 1).ToArbitrary(),
            umol => Bilirubin.FromMicromolesPerLiter(umol).MicromolesPerLiter == umol);

    [Property]
    public Property Creatinine_WholeMicromolesRoundTrip_Exact() =>
        Prop.ForAll(ClinicalArbitraries.Steps(18, 1300, 1).ToArbitrary(),
            umol => Creatinine.FromMicromolesPerLiter(umol).MicromolesPerLiter == umol);

    [Property]
    public Property Bilirubin_ReportedValue_AlwaysExact() =>
        Prop.ForAll(ClinicalArbitraries.Steps(2, 1000, 1).ToArbitrary(),
            umol => Bilirubin.FromMicromolesPerLiter(umol).ReportedValue == umol);

    [Property]
    public Property Bilirubin_SameValueInBothUnits_Equal() =>
        Prop.ForAll(ClinicalArbitraries.Steps(1, 600, 10).ToArbitrary(),
            mg => Bilirubin.FromMilligramsPerDeciliter(mg) == Bilirubin.FromMicromolesPerLiter(mg * 17.1m));
}
