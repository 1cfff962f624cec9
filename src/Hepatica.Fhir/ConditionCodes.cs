namespace Hepatica.Fhir;

/// <summary>A diagnosis the FHIR reader recognises in Condition resources (docs/fhir.md says what each sets in the snapshot).</summary>
public enum ConditionKind
{
    /// <summary>Cirrhosis of the liver (any cause): sets <c>findings.cirrhosis</c>.</summary>
    Cirrhosis,

    /// <summary>Ascites: the grade is not coded, so <c>findings.ascites</c> is not set (FHR020).</summary>
    Ascites,

    /// <summary>Hepatic encephalopathy: the West Haven grade is not coded, so <c>findings.encephalopathyGrade</c> is not set (FHR020).</summary>
    HepaticEncephalopathy,

    /// <summary>Bleeding oesophageal (gastric) varices: sets <c>findings.varicealBleeding</c>.</summary>
    VaricealBleeding,

    /// <summary>Chronic hepatitis B: recorded as a source (serology carries the markers).</summary>
    ChronicHepatitisB,

    /// <summary>Chronic hepatitis C: recorded as a source.</summary>
    ChronicHepatitisC,

    /// <summary>Autoimmune hepatitis: recorded as a source.</summary>
    AutoimmuneHepatitis,

    /// <summary>Alcohol-associated hepatitis: sets <c>findings.alcoholAssociatedHepatitis</c> and <c>history.alcoholRelatedLiverDisease</c>.</summary>
    AlcoholAssociatedHepatitis,

    /// <summary>Alcohol-related liver disease of any stage (K70.x, alcoholic cirrhosis): sets <c>history.alcoholRelatedLiverDisease</c>.</summary>
    AlcoholRelatedLiverDisease,

    /// <summary>Alcohol use disorder (abuse, dependence, "alcoholism"): recorded as a source.</summary>
    AlcoholUseDisorder,

    /// <summary>Primary biliary cholangitis or primary sclerosing cholangitis: sets <c>findings.cholestaticLiverDisease</c>.</summary>
    CholestaticLiverDisease,

    /// <summary>NAFLD/MASLD or NASH/MASH: sets <c>findings.fattyLiverDisease</c>.</summary>
    FattyLiverDisease,

    /// <summary>Diabetes mellitus (type 1, 2, other) or impaired fasting glucose: sets <c>findings.diabetesOrImpairedFastingGlucose</c>.</summary>
    Diabetes,

    /// <summary>Acute (or subacute) liver failure: recorded as a source; with a cause below, sets <c>findings.acuteLiverFailureCause</c>.</summary>
    AcuteLiverFailure,

    /// <summary>Poisoning by acetaminophen (paracetamol): with acute liver failure, <c>findings.acuteLiverFailureCause = acetaminophen</c>.</summary>
    AcetaminophenPoisoning,

    /// <summary>Hepatitis A (acute by definition in ICD-10-CM B15): with acute liver failure, <c>findings.acuteLiverFailureCause = hepatitis-a</c>.</summary>
    AcuteHepatitisA,

    /// <summary>Acute hepatitis B (ICD-10-CM B16): with acute liver failure, <c>findings.acuteLiverFailureCause = hepatitis-b</c>.</summary>
    AcuteHepatitisB,

    /// <summary>
    /// Hepatic failure or hepatitis coded "with (hepatic) coma": <c>findings.encephalopathyGrade</c> = West Haven grade 4
    /// (grade 4 is coma by definition: Vilstrup 2014 AASLD/EASL practice guideline, Hepatology 2014;60:715).
    /// </summary>
    HepaticComa,
}

/// <summary>One row of the condition table: a code (or ICD-10-CM prefix) and what it means.</summary>
/// <param name="System">The code system URI.</param>
/// <param name="Code">The code; for ICD-10-CM rows ending in <c>*</c>, a prefix (every code below it).</param>
/// <param name="Display">What the code means (documentation only: matching is on the code).</param>
/// <param name="Kinds">What the code tells the reader (one code may imply several: K70.31 is cirrhosis, ascites and alcohol-related).</param>
/// <param name="Checked">Where the code was cross-checked (docs/fhir.md); "unverified" when nowhere.</param>
internal sealed record ConditionCode(string System, string Code, string Display, ConditionKind[] Kinds, string Checked);

/// <summary>
/// The SNOMED CT and ICD-10-CM codes the reader recognises, in ONE table (mirrored in docs/fhir.md). Cross-check tags:
/// <c>X</c> = found with this meaning in at least one public clinical code artifact (FHIR IG FSH, OMOP concept lists,
/// code maps; searched November 2026), <c>S</c> = emitted by Synthea in ../shared/data, <c>C</c> = ICD-10-CM code (or every
/// code under a prefix) found with this meaning in a complete public ICD-10-CM code list of a release before FY2022
/// (github.com/medtrack-io/icd_code, lib/codes/codes_*.ex; checked November 2026). Before release, validate the whole
/// table against official SNOMED CT and ICD-10-CM releases.
/// </summary>
internal static class ConditionCodes
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    private static ConditionCode Sct(string code, string display, string check, params ConditionKind[] kinds) => new(Snomed, code, display, kinds, check);

    private static ConditionCode Icd(string code, string display, params ConditionKind[] kinds) => new(Icd10Cm, code, display, kinds, "C");

    /// <summary>An ICD-10-CM code newer than the public code list used for "C" (FY2022 or later): found only in third-party lists ("X").</summary>
    private static ConditionCode IcdNewer(string code, string display, params ConditionKind[] kinds) => new(Icd10Cm, code, display, kinds, "X");

    public static readonly IReadOnlyList<ConditionCode> All =
    [
        Sct("19943007", "Cirrhosis of liver", "X", ConditionKind.Cirrhosis),
        Sct("420054005", "Alcoholic cirrhosis", "X", ConditionKind.Cirrhosis, ConditionKind.AlcoholRelatedLiverDisease),
        Icd("K70.3*", "Alcoholic cirrhosis of liver (K70.30 without, K70.31 with ascites)", ConditionKind.Cirrhosis, ConditionKind.AlcoholRelatedLiverDisease),
        Icd("K74.6*", "Other and unspecified cirrhosis of liver", ConditionKind.Cirrhosis),
        Icd("K74.4", "Secondary biliary cirrhosis", ConditionKind.Cirrhosis),
        Icd("K74.5", "Biliary cirrhosis, unspecified", ConditionKind.Cirrhosis),

        Sct("389026000", "Ascites", "X", ConditionKind.Ascites),
        Icd("R18.8", "Other ascites", ConditionKind.Ascites),
        Icd("K70.31", "Alcoholic cirrhosis of liver with ascites", ConditionKind.Ascites),
        Icd("K70.11", "Alcoholic hepatitis with ascites", ConditionKind.Ascites),

        Sct("13920009", "Hepatic encephalopathy", "X", ConditionKind.HepaticEncephalopathy),
        IcdNewer("K76.82", "Hepatic encephalopathy", ConditionKind.HepaticEncephalopathy),

        Sct("17709002", "Bleeding esophageal varices", "X", ConditionKind.VaricealBleeding),
        Icd("I85.01", "Esophageal varices with bleeding", ConditionKind.VaricealBleeding),
        Icd("I85.11", "Secondary esophageal varices with bleeding", ConditionKind.VaricealBleeding),

        Sct("61977001", "Chronic type B viral hepatitis", "X", ConditionKind.ChronicHepatitisB),
        Icd("B18.0", "Chronic viral hepatitis B with delta-agent", ConditionKind.ChronicHepatitisB),
        Icd("B18.1", "Chronic viral hepatitis B without delta-agent", ConditionKind.ChronicHepatitisB),

        Sct("128302006", "Chronic hepatitis C", "X", ConditionKind.ChronicHepatitisC),
        Icd("B18.2", "Chronic viral hepatitis C", ConditionKind.ChronicHepatitisC),

        Sct("408335007", "Autoimmune hepatitis", "X", ConditionKind.AutoimmuneHepatitis),
        Icd("K75.4", "Autoimmune hepatitis", ConditionKind.AutoimmuneHepatitis),

        Sct("235875008", "Alcoholic hepatitis", "X", ConditionKind.AlcoholAssociatedHepatitis, ConditionKind.AlcoholRelatedLiverDisease),
        Icd("K70.1*", "Alcoholic hepatitis (K70.10 without, K70.11 with ascites)", ConditionKind.AlcoholAssociatedHepatitis, ConditionKind.AlcoholRelatedLiverDisease),
        Icd("K70.0", "Alcoholic fatty liver", ConditionKind.AlcoholRelatedLiverDisease),
        Icd("K70.4*", "Alcoholic hepatic failure", ConditionKind.AlcoholRelatedLiverDisease),
        Icd("K70.9", "Alcoholic liver disease, unspecified", ConditionKind.AlcoholRelatedLiverDisease),

        Sct("7200002", "Alcoholism", "S", ConditionKind.AlcoholUseDisorder),
        Sct("66590003", "Alcohol dependence", "X", ConditionKind.AlcoholUseDisorder),
        Icd("F10.1*", "Alcohol abuse", ConditionKind.AlcoholUseDisorder),
        Icd("F10.2*", "Alcohol dependence", ConditionKind.AlcoholUseDisorder),

        Sct("31712002", "Primary biliary cholangitis", "X", ConditionKind.CholestaticLiverDisease),
        Icd("K74.3", "Primary biliary cirrhosis (cholangitis)", ConditionKind.CholestaticLiverDisease),
        Sct("197441003", "Primary sclerosing cholangitis", "X", ConditionKind.CholestaticLiverDisease),
        IcdNewer("K83.01", "Primary sclerosing cholangitis", ConditionKind.CholestaticLiverDisease),

        Sct("197315008", "Non-alcoholic fatty liver", "X", ConditionKind.FattyLiverDisease),
        Sct("442685003", "Nonalcoholic steatohepatitis", "X", ConditionKind.FattyLiverDisease),
        Icd("K76.0", "Fatty (change of) liver, not elsewhere classified", ConditionKind.FattyLiverDisease),
        Icd("K75.81", "Nonalcoholic steatohepatitis (NASH)", ConditionKind.FattyLiverDisease),

        Sct("73211009", "Diabetes mellitus", "X", ConditionKind.Diabetes),
        Sct("44054006", "Diabetes mellitus type 2", "X", ConditionKind.Diabetes),
        Sct("46635009", "Diabetes mellitus type 1", "X", ConditionKind.Diabetes),
        Icd("E10.*", "Type 1 diabetes mellitus", ConditionKind.Diabetes),
        Icd("E11.*", "Type 2 diabetes mellitus", ConditionKind.Diabetes),
        Icd("E13.*", "Other specified diabetes mellitus", ConditionKind.Diabetes),
        Icd("R73.01", "Impaired fasting glucose", ConditionKind.Diabetes),

        Sct("197270009", "Acute hepatic failure", "X", ConditionKind.AcuteLiverFailure),
        Icd("K72.0*", "Acute and subacute hepatic failure (K72.00 without, K72.01 with coma)", ConditionKind.AcuteLiverFailure),

        // Causes of acute liver failure (docs/fhir.md, "Acute liver failure"). ICD-10-CM T39.1X-: 5th character X is a
        // placeholder, 6th the intent (1 accidental, 2 self-harm, 3 assault, 4 undetermined; 5 adverse effect and 6
        // underdosing are not poisoning and are not read), 7th the encounter (A initial, D subsequent; S sequela is a late
        // effect after the poisoning is over and is not read). C: medtrack-io/icd_code lib/codes/codes_t39.ex (pre-FY2022).
        Icd("T39.1X1A", "Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial encounter", ConditionKind.AcetaminophenPoisoning),
        Icd("T39.1X1D", "Poisoning by 4-Aminophenol derivatives, accidental (unintentional), subsequent encounter", ConditionKind.AcetaminophenPoisoning),
        Icd("T39.1X2A", "Poisoning by 4-Aminophenol derivatives, intentional self-harm, initial encounter", ConditionKind.AcetaminophenPoisoning),
        Icd("T39.1X2D", "Poisoning by 4-Aminophenol derivatives, intentional self-harm, subsequent encounter", ConditionKind.AcetaminophenPoisoning),
        Icd("T39.1X3A", "Poisoning by 4-Aminophenol derivatives, assault, initial encounter", ConditionKind.AcetaminophenPoisoning),
        Icd("T39.1X3D", "Poisoning by 4-Aminophenol derivatives, assault, subsequent encounter", ConditionKind.AcetaminophenPoisoning),
        Icd("T39.1X4A", "Poisoning by 4-Aminophenol derivatives, undetermined, initial encounter", ConditionKind.AcetaminophenPoisoning),
        Icd("T39.1X4D", "Poisoning by 4-Aminophenol derivatives, undetermined, subsequent encounter", ConditionKind.AcetaminophenPoisoning),

        // X: SNOMED CT 70273001, FSN "Poisoning caused by paracetamol (disorder)", PT "Poisoning caused by acetaminophen",
        // active, effective 2015-07-31, as a Snowstorm response quoted in public SNOMED-to-ICD-10 mapping tool source (2024).
        Sct("70273001", "Poisoning caused by paracetamol", "X", ConditionKind.AcetaminophenPoisoning),

        // C: medtrack-io/icd_code codes_b15.ex and codes_b16.ex (pre-FY2022).
        Icd("B15.0", "Hepatitis A with hepatic coma", ConditionKind.AcuteHepatitisA, ConditionKind.HepaticComa),
        Icd("B15.9", "Hepatitis A without hepatic coma", ConditionKind.AcuteHepatitisA),
        Icd("B16.0", "Acute hepatitis B with delta-agent with hepatic coma", ConditionKind.AcuteHepatitisB, ConditionKind.HepaticComa),
        Icd("B16.1", "Acute hepatitis B with delta-agent without hepatic coma", ConditionKind.AcuteHepatitisB),
        Icd("B16.2", "Acute hepatitis B without delta-agent with hepatic coma", ConditionKind.AcuteHepatitisB, ConditionKind.HepaticComa),
        Icd("B16.9", "Acute hepatitis B without delta-agent and without hepatic coma", ConditionKind.AcuteHepatitisB),

        // "With coma": C, medtrack-io/icd_code codes_k72.ex and codes_k70.ex (pre-FY2022). K72.00/K72.10/K72.90 "without
        // coma" and K76.82 hepatic encephalopathy give no grade.
        Icd("K72.01", "Acute and subacute hepatic failure with coma", ConditionKind.HepaticComa),
        Icd("K72.11", "Chronic hepatic failure with coma", ConditionKind.HepaticComa),
        Icd("K72.91", "Hepatic failure, unspecified with coma", ConditionKind.HepaticComa),
        Icd("K70.41", "Alcoholic hepatic failure with coma", ConditionKind.HepaticComa),

        // X: SNOMED CT 72836002 "Hepatic coma", a valid standard concept in the OHDSI/Legend cohort "Hepatic failure" (2019).
        Sct("72836002", "Hepatic coma", "X", ConditionKind.HepaticComa),
    ];

    private static readonly Dictionary<(string System, string Code), ConditionCode> Exact =
        All.Where(c => !c.Code.EndsWith('*')).ToDictionary(c => (c.System, c.Code));

    private static readonly ConditionCode[] Prefixes = [.. All.Where(c => c.Code.EndsWith('*'))];

    /// <summary>Every kind a coding implies (exact codes and ICD-10-CM prefixes; ICD-10-CM with or without its dot).</summary>
    public static IEnumerable<(ConditionCode Row, ConditionKind Kind)> Match(string? system, string? code)
    {
        if (system is null || string.IsNullOrEmpty(code))
        {
            yield break;
        }

        if (system == Icd10Cm && code.Length > 3 && code[3] != '.')
        {
            code = code[..3] + "." + code[3..];
        }

        if (Exact.TryGetValue((system, code), out var exact))
        {
            foreach (var k in exact.Kinds)
            {
                yield return (exact, k);
            }
        }

        foreach (var p in Prefixes)
        {
            if (p.System == system && code.StartsWith(p.Code.AsSpan(0, p.Code.Length - 1), StringComparison.Ordinal))
            {
                foreach (var k in p.Kinds)
                {
                    yield return (p, k);
                }
            }
        }
    }
}
