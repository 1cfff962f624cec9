using System.Diagnostics.CodeAnalysis;
using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

// Namespace Hepatica, not the folder's: extension members are found from every enclosing namespace, so every
// Hepatica.* file reaches c.MilligramsPerDeciliter and Creatinine.FromMilligramsPerDeciliter without a using,
// exactly as it reached the members of the per-analyte types these names replace.
namespace Hepatica;

/// <summary>
/// The conversion factors of the table of analytes (each with its source) and the names each analyte is used by:
/// its canonical-unit property, other units, named factories (<c>Creatinine.FromMilligramsPerDeciliter</c>,
/// <c>c.MilligramsPerDeciliter</c>) as extension members of <see cref="Lab{TAnalyte, TUnit}"/>.
/// </summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Static extension members of Lab<TAnalyte, TUnit>, reached through the closed aliases (Platelets.FromBillionsPerLiter).")]
public static class AnalyteMembers
{
    /// <summary>µmol/L per mg/dL for bilirubin: 17.1 (molar mass 584.66 g/mol; 10 000 / 584.66 = 17.10, the factor OPTN, UK NHSBT and SI tables use).</summary>
    public const decimal BilirubinMicromolesPerMilligram = 17.1m;

    /// <summary>µmol/L per mg/dL for creatinine: 88.4 (molar mass 113.12 g/mol; 10 000 / 113.12 = 88.40; KDIGO 2012 and SI conversion tables).</summary>
    public const decimal CreatinineMicromolesPerMilligram = 88.4m;

    /// <summary>g/L per g/dL: 10 (1 dL = 0.1 L; exact).</summary>
    public const decimal GramsPerLiterPerGramPerDeciliter = 10m;

    /// <summary>mEq/L per mmol/L for sodium: 1 (monovalent ion; exact).</summary>
    public const decimal MilliequivalentsPerMillimole = 1m;

    /// <summary>cells/µL per 10^9/L: 1000 (10^9/L = 10^9 / 10^6 µL = 10^3/µL; exact).</summary>
    public const decimal PerMicroliterPerBillionPerLiter = 1000m;

    /// <summary>mg/dL of urea per mmol/L: 6.006 (molar mass of urea 60.06 g/mol).</summary>
    public const decimal UreaMilligramsPerMillimole = 6.006m;

    /// <summary>mg/dL of urea nitrogen (BUN) per mmol/L of urea: 2.801 (two nitrogen atoms, 2 × 14.007 g/mol; 1 mg/dL BUN = 0.357 mmol/L urea).</summary>
    public const decimal UreaNitrogenMilligramsPerMillimole = 2.801m;

    /// <summary>mg/dL per mmol/L for lactate: 9.008 (molar mass 90.08 g/mol).</summary>
    public const decimal LactateMilligramsPerMillimole = 9.008m;

    /// <summary>mg/dL of phosphorus per mmol/L of phosphate: 3.097 (atomic mass of phosphorus 30.97 g/mol).</summary>
    public const decimal PhosphateMilligramsPerMillimole = 3.097m;

    /// <summary>mg/dL per g/L for IgG: 100 (1 g/L = 1000 mg / 10 dL; exact).</summary>
    public const decimal IgGMilligramsPerDeciliterPerGramPerLiter = 100m;

    /// <summary>The units of a cell count, canonical 10^9/L.</summary>
    internal static UnitTable<CellCountUnit> CellCountUnits(string analyte) => new(analyte, false,
        new(CellCountUnit.BillionPerLiter, "10*9/L", 1m, "10^9/L", "x10^9/L", "x10*9/L", "×10^9/L", "/nL", "G/L"),
        new(CellCountUnit.ThousandPerMicroliter, "10*3/uL", 1m, "10^3/uL", "x10^3/uL", "10*3/µL", "10^3/µL", "x10^3/µL", "K/uL", "10*3/mm3"),
        new(CellCountUnit.PerMicroliter, "/uL", PerMicroliterPerBillionPerLiter, "/µL", "/mm3", "1/uL"));

    /// <summary>The units of an enzyme activity, U/L.</summary>
    internal static UnitTable<EnzymeActivityUnit> EnzymeUnits(string analyte) =>
        new(analyte, false, new UnitSpec<EnzymeActivityUnit>(EnzymeActivityUnit.UnitPerLiter, "U/L", 1m, "IU/L", "[IU]/L"));

    extension<TAnalyte>(Lab<TAnalyte, ProteinUnit> protein)
        where TAnalyte : IAnalyte<ProteinUnit>
    {
        /// <summary>The value in g/dL (canonical).</summary>
        public decimal GramsPerDeciliter => protein.Canonical;

        /// <summary>The value in g/L: exactly the reported value when it was reported in this unit.</summary>
        public decimal GramsPerLiter => protein.In(ProteinUnit.GramPerLiter);
    }

    extension<TAnalyte>(Lab<TAnalyte, ProteinUnit>)
        where TAnalyte : IAnalyte<ProteinUnit>
    {
        /// <summary>g/L per g/dL: <see cref="AnalyteMembers.GramsPerLiterPerGramPerDeciliter"/>.</summary>
        public static decimal GramsPerLiterPerGramPerDeciliter => AnalyteMembers.GramsPerLiterPerGramPerDeciliter;

        /// <summary>Creates a value from g/dL.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Lab<TAnalyte, ProteinUnit> FromGramsPerDeciliter(decimal value) => Lab<TAnalyte, ProteinUnit>.From(value, ProteinUnit.GramPerDeciliter);

        /// <summary>Creates a value from g/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Lab<TAnalyte, ProteinUnit> FromGramsPerLiter(decimal value) => Lab<TAnalyte, ProteinUnit>.From(value, ProteinUnit.GramPerLiter);
    }

    extension<TAnalyte>(Lab<TAnalyte, CellCountUnit> count)
        where TAnalyte : IAnalyte<CellCountUnit>
    {
        /// <summary>The count in 10^9/L (canonical).</summary>
        public decimal BillionsPerLiter => count.Canonical;
    }

    extension<TAnalyte>(Lab<TAnalyte, CellCountUnit>)
        where TAnalyte : IAnalyte<CellCountUnit>
    {
        /// <summary>cells/µL per 10^9/L: <see cref="AnalyteMembers.PerMicroliterPerBillionPerLiter"/>.</summary>
        public static decimal PerMicroliterPerBillionPerLiter => AnalyteMembers.PerMicroliterPerBillionPerLiter;

        /// <summary>Creates a count from 10^9/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Lab<TAnalyte, CellCountUnit> FromBillionsPerLiter(decimal value) => Lab<TAnalyte, CellCountUnit>.From(value, CellCountUnit.BillionPerLiter);

        /// <summary>Creates a count from 10^3/µL.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Lab<TAnalyte, CellCountUnit> FromThousandsPerMicroliter(decimal value) => Lab<TAnalyte, CellCountUnit>.From(value, CellCountUnit.ThousandPerMicroliter);

        /// <summary>Creates a count from cells per µL.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Lab<TAnalyte, CellCountUnit> FromPerMicroliter(decimal value) => Lab<TAnalyte, CellCountUnit>.From(value, CellCountUnit.PerMicroliter);
    }

    extension<TAnalyte>(Lab<TAnalyte, EnzymeActivityUnit> activity)
        where TAnalyte : IAnalyte<EnzymeActivityUnit>
    {
        /// <summary>The activity in U/L (canonical).</summary>
        public decimal UnitsPerLiter => activity.Canonical;
    }

    extension<TAnalyte>(Lab<TAnalyte, EnzymeActivityUnit>)
        where TAnalyte : IAnalyte<EnzymeActivityUnit>
    {
        /// <summary>Creates an activity from U/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Lab<TAnalyte, EnzymeActivityUnit> FromUnitsPerLiter(decimal value) => Lab<TAnalyte, EnzymeActivityUnit>.From(value, EnzymeActivityUnit.UnitPerLiter);
    }
}

/// <summary>The names <c>Bilirubin</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class BilirubinMembers
{
    extension(Bilirubin b)
    {
        /// <summary>The value in mg/dL (canonical).</summary>
        public decimal MilligramsPerDeciliter => b.Canonical;

        /// <summary>The value in µmol/L: exactly the reported value when it was reported in this unit.</summary>
        public decimal MicromolesPerLiter => b.In(BilirubinUnit.MicromolePerLiter);
    }

    extension(Bilirubin)
    {
        /// <summary>µmol/L per mg/dL: <see cref="AnalyteMembers.BilirubinMicromolesPerMilligram"/>.</summary>
        public static decimal MicromolesPerLiterPerMilligramPerDeciliter => AnalyteMembers.BilirubinMicromolesPerMilligram;

        /// <summary>Creates a value from mg/dL.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Bilirubin FromMilligramsPerDeciliter(decimal value) => Bilirubin.From(value, BilirubinUnit.MilligramPerDeciliter);

        /// <summary>Creates a value from µmol/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Bilirubin FromMicromolesPerLiter(decimal value) => Bilirubin.From(value, BilirubinUnit.MicromolePerLiter);
    }
}

/// <summary>The names <c>Creatinine</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class CreatinineMembers
{
    extension(Creatinine c)
    {
        /// <summary>The value in mg/dL (canonical).</summary>
        public decimal MilligramsPerDeciliter => c.Canonical;

        /// <summary>The value in µmol/L: exactly the reported value when it was reported in this unit.</summary>
        public decimal MicromolesPerLiter => c.In(CreatinineUnit.MicromolePerLiter);
    }

    extension(Creatinine)
    {
        /// <summary>µmol/L per mg/dL: <see cref="AnalyteMembers.CreatinineMicromolesPerMilligram"/>.</summary>
        public static decimal MicromolesPerLiterPerMilligramPerDeciliter => AnalyteMembers.CreatinineMicromolesPerMilligram;

        /// <summary>Creates a value from mg/dL.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Creatinine FromMilligramsPerDeciliter(decimal value) => Creatinine.From(value, CreatinineUnit.MilligramPerDeciliter);

        /// <summary>Creates a value from µmol/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Creatinine FromMicromolesPerLiter(decimal value) => Creatinine.From(value, CreatinineUnit.MicromolePerLiter);
    }
}

/// <summary>The names <c>Inr</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class InrMembers
{
    extension(Inr inr)
    {
        /// <summary>The ratio (canonical, no unit).</summary>
        public decimal Ratio => inr.Canonical;
    }

    extension(Inr)
    {
        /// <summary>Creates a value from a ratio.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Inr FromRatio(decimal value) => Inr.From(value, InrUnit.Ratio);
    }
}

/// <summary>The names <c>Sodium</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class SodiumMembers
{
    extension(Sodium sodium)
    {
        /// <summary>The value in mmol/L (canonical).</summary>
        public decimal MillimolesPerLiter => sodium.Canonical;
    }

    extension(Sodium)
    {
        /// <summary>mEq/L per mmol/L: <see cref="AnalyteMembers.MilliequivalentsPerMillimole"/>.</summary>
        public static decimal MilliequivalentsPerMillimole => AnalyteMembers.MilliequivalentsPerMillimole;

        /// <summary>Creates a value from mmol/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Sodium FromMillimolesPerLiter(decimal value) => Sodium.From(value, SodiumUnit.MillimolePerLiter);

        /// <summary>Creates a value from mEq/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Sodium FromMilliequivalentsPerLiter(decimal value) => Sodium.From(value, SodiumUnit.MilliequivalentPerLiter);
    }
}

/// <summary>The names <c>Urea</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class UreaMembers
{
    extension(Urea urea)
    {
        /// <summary>The value in mmol/L of urea (canonical).</summary>
        public decimal MillimolesPerLiter => urea.Canonical;
    }

    extension(Urea)
    {
        /// <summary>mg/dL of urea per mmol/L: <see cref="AnalyteMembers.UreaMilligramsPerMillimole"/>.</summary>
        public static decimal MilligramsPerDeciliterPerMillimolePerLiter => AnalyteMembers.UreaMilligramsPerMillimole;

        /// <summary>mg/dL of urea nitrogen per mmol/L of urea: <see cref="AnalyteMembers.UreaNitrogenMilligramsPerMillimole"/>.</summary>
        public static decimal MilligramsNitrogenPerDeciliterPerMillimolePerLiter => AnalyteMembers.UreaNitrogenMilligramsPerMillimole;

        /// <summary>The accepted units of blood urea nitrogen (<c>labs.bun</c>) in words.</summary>
        public static string AcceptedBunUnits => UreaAnalyte.BunUnits.Accepted;

        /// <summary>Creates a value from mmol/L of urea.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Urea FromMillimolesPerLiter(decimal value) => Urea.From(value, UreaUnit.MillimolePerLiter);

        /// <summary>Creates a value from mg/dL of urea.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Urea FromMilligramsPerDeciliter(decimal value) => Urea.From(value, UreaUnit.MilligramPerDeciliter);

        /// <summary>Creates a value from blood urea nitrogen in mg of nitrogen per dL.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Urea FromMilligramsNitrogenPerDeciliter(decimal value) => Urea.From(value, UreaUnit.MilligramNitrogenPerDeciliter);

        /// <summary>Reads an untrusted blood urea nitrogen value (<c>labs.bun</c>: mg/dL is nitrogen), as <c>TryRead</c>.</summary>
        /// <returns>True when the value can be used (possibly with a warning).</returns>
        public static bool TryReadBun(decimal value, string? unitText, string path, ICollection<InputIssue> issues, [NotNullWhen(true)] out Urea? result) =>
            Urea.TryRead(UreaAnalyte.BunUnits, value, unitText, path, issues, out result);
    }
}

/// <summary>The names <c>ProthrombinTime</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class ProthrombinTimeMembers
{
    extension(ProthrombinTime pt)
    {
        /// <summary>The time in seconds (canonical).</summary>
        public decimal Seconds => pt.Canonical;
    }

    extension(ProthrombinTime)
    {
        /// <summary>Creates a value from seconds.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static ProthrombinTime FromSeconds(decimal value) => ProthrombinTime.From(value, ProthrombinTimeUnit.Second);
    }
}

/// <summary>The names <c>ArterialPh</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class ArterialPhMembers
{
    extension(ArterialPh ph)
    {
        /// <summary>The pH (canonical, no unit).</summary>
        public decimal Value => ph.Canonical;
    }

    extension(ArterialPh)
    {
        /// <summary>Creates a value from a pH.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static ArterialPh FromValue(decimal value) => ArterialPh.From(value, ArterialPhUnit.Ph);
    }
}

/// <summary>The names <c>Lactate</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class LactateMembers
{
    extension(Lactate lactate)
    {
        /// <summary>The value in mmol/L (canonical).</summary>
        public decimal MillimolesPerLiter => lactate.Canonical;
    }

    extension(Lactate)
    {
        /// <summary>mg/dL per mmol/L: <see cref="AnalyteMembers.LactateMilligramsPerMillimole"/>.</summary>
        public static decimal MilligramsPerDeciliterPerMillimolePerLiter => AnalyteMembers.LactateMilligramsPerMillimole;

        /// <summary>Creates a value from mmol/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Lactate FromMillimolesPerLiter(decimal value) => Lactate.From(value, LactateUnit.MillimolePerLiter);

        /// <summary>Creates a value from mg/dL.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Lactate FromMilligramsPerDeciliter(decimal value) => Lactate.From(value, LactateUnit.MilligramPerDeciliter);
    }
}

/// <summary>The names <c>Phosphate</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class PhosphateMembers
{
    extension(Phosphate phosphate)
    {
        /// <summary>The value in mmol/L (canonical).</summary>
        public decimal MillimolesPerLiter => phosphate.Canonical;
    }

    extension(Phosphate)
    {
        /// <summary>mg/dL of phosphorus per mmol/L: <see cref="AnalyteMembers.PhosphateMilligramsPerMillimole"/>.</summary>
        public static decimal MilligramsPerDeciliterPerMillimolePerLiter => AnalyteMembers.PhosphateMilligramsPerMillimole;

        /// <summary>Creates a value from mmol/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Phosphate FromMillimolesPerLiter(decimal value) => Phosphate.From(value, PhosphateUnit.MillimolePerLiter);

        /// <summary>Creates a value from mg/dL of phosphorus.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static Phosphate FromMilligramsPerDeciliter(decimal value) => Phosphate.From(value, PhosphateUnit.MilligramPerDeciliter);
    }
}

/// <summary>The names <c>ImmunoglobulinG</c> is used by: its canonical-unit property, other units and named factories.</summary>
public static class ImmunoglobulinGMembers
{
    extension(ImmunoglobulinG igg)
    {
        /// <summary>The value in g/L (canonical).</summary>
        public decimal GramsPerLiter => igg.Canonical;

        /// <summary>The value in mg/dL: exactly the reported value when it was reported in this unit.</summary>
        public decimal MilligramsPerDeciliter => igg.In(ImmunoglobulinGUnit.MilligramPerDeciliter);
    }

    extension(ImmunoglobulinG)
    {
        /// <summary>mg/dL per g/L: <see cref="AnalyteMembers.IgGMilligramsPerDeciliterPerGramPerLiter"/>.</summary>
        public static decimal MilligramsPerDeciliterPerGramPerLiter => AnalyteMembers.IgGMilligramsPerDeciliterPerGramPerLiter;

        /// <summary>Creates a value from g/L.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static ImmunoglobulinG FromGramsPerLiter(decimal value) => ImmunoglobulinG.From(value, ImmunoglobulinGUnit.GramPerLiter);

        /// <summary>Creates a value from mg/dL.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is impossible.</exception>
        public static ImmunoglobulinG FromMilligramsPerDeciliter(decimal value) => ImmunoglobulinG.From(value, ImmunoglobulinGUnit.MilligramPerDeciliter);
    }
}
