namespace Hepatica.Clinical.Scoring;

/// <summary>How serious an <see cref="InputIssue"/> is.</summary>
public enum IssueSeverity
{
    /// <summary>Unusual but possible; the value is used and the issue travels with the result.</summary>
    Warning,

    /// <summary>The value cannot be used (impossible, unreadable, unknown unit).</summary>
    Error,
}

/// <summary>
/// One problem found in untrusted input, with a stable code (see <see cref="IssueCodes"/>), a severity, the
/// path of the offending field (for example <c>labs.bilirubin.unit</c>) and a message that names the value and
/// what is accepted.
/// </summary>
/// <param name="Code">Stable code, for example <c>LAB002</c>.</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="Path">Dotted path of the field in the snapshot contract.</param>
/// <param name="Message">Human-readable explanation.</param>
public sealed record InputIssue(string Code, IssueSeverity Severity, string Path, string Message)
{
    /// <summary>Creates an error issue.</summary>
    public static InputIssue Error(string code, string path, string message) => new(code, IssueSeverity.Error, path, message);

    /// <summary>Creates a warning issue.</summary>
    public static InputIssue Warning(string code, string path, string message) => new(code, IssueSeverity.Warning, path, message);

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Severity.ToString().ToUpperInvariant()} {Path}: {Message}";
}

/// <summary>The stable issue codes. Codes are never reused for another meaning.</summary>
public static class IssueCodes
{
    /// <summary>A lab value that needs a unit has none.</summary>
    public const string MissingUnit = "LAB001";

    /// <summary>A unit that is not accepted for the analyte.</summary>
    public const string UnknownUnit = "LAB002";

    /// <summary>A lab value that is not a number.</summary>
    public const string NotANumber = "LAB003";

    /// <summary>A physically impossible lab value.</summary>
    public const string ImpossibleValue = "LAB004";

    /// <summary>A possible but unusual lab value (warning).</summary>
    public const string UnusualValue = "LAB005";

    /// <summary>A lab value that is missing its <c>value</c>.</summary>
    public const string MissingValue = "LAB006";

    /// <summary>A change between two of the patient's dated results that no physiology explains in that time (delta check): the later result is not used.</summary>
    public const string ImplausibleChange = "LAB007";

    /// <summary>The document is not valid JSON.</summary>
    public const string MalformedJson = "SNP001";

    /// <summary>A field has the wrong JSON type.</summary>
    public const string WrongType = "SNP002";

    /// <summary>A key the contract does not know (warning).</summary>
    public const string UnknownKey = "SNP003";

    /// <summary>A value outside its enumeration or range (for example ascites "severe").</summary>
    public const string InvalidValue = "SNP004";

    /// <summary>The input is empty.</summary>
    public const string EmptyInput = "SNP005";

    /// <summary>A batch line longer than the accepted maximum.</summary>
    public const string LineTooLong = "SNP006";

    /// <summary>A key given twice in one object.</summary>
    public const string DuplicateKey = "SNP007";

    /// <summary>A date that is not an ISO 8601 calendar date (<c>YYYY-MM-DD</c>), or a dated value without its date.</summary>
    public const string InvalidDate = "DAT001";

    /// <summary>Two values of one lab on the same date: neither is used as that date's value.</summary>
    public const string DuplicateDate = "DAT002";

    /// <summary>An unusual but possible patient value such as an age outside a score's validation (warning).</summary>
    public const string UnusualPatient = "PAT001";

    /// <summary>Inputs that contradict each other; the score names the one it used and why (warning).</summary>
    public const string ContradictoryInputs = "PAT002";

    /// <summary>
    /// A result the score's own formula gives from valid inputs but that makes no clinical sense (for example a Maddrey
    /// DF below 0, or a CLIF-C ACLF outside 0-100): reported with the result, which stands as the formula gives it or
    /// as bounded (warning).
    /// </summary>
    public const string ImplausibleResult = "RES001";

    /// <summary>A medication code that is not in the code table (warning; the class, if given, is used).</summary>
    public const string UnknownMedicationCode = "MED001";

    /// <summary>A medication whose class and code disagree (warning; the given class is used).</summary>
    public const string MedicationClassMismatch = "MED002";

    /// <summary>A medication with neither a class nor a known code: not used.</summary>
    public const string MedicationUnclassified = "MED003";

    /// <summary>A CVX code that is not in the code table (warning; the vaccine, if given, is used).</summary>
    public const string UnknownCvx = "VAC001";

    /// <summary>A vaccination whose vaccine and CVX code disagree (warning; the given vaccine is used).</summary>
    public const string VaccineCvxMismatch = "VAC002";

    /// <summary>A vaccination with neither a vaccine nor a known CVX code: not used.</summary>
    public const string VaccineUnidentified = "VAC003";

    /// <summary>A serology test whose result contradicts its own value (for example anti-HBs "negative" with 120 mIU/mL): the value is used (warning).</summary>
    public const string ResultContradictsValue = "SER001";

    /// <summary>A <c>value</c> given for a qualitative-only serology test, or a test with neither result nor value.</summary>
    public const string SerologyShape = "SER002";
}
