namespace Hepatica.Clinical.Findings;

/// <summary>
/// The cause of acute liver failure, in the groups the King's College criteria use (O'Grady 1989). Snapshot values:
/// <c>acetaminophen</c>, <c>hepatitis-a</c>, <c>hepatitis-b</c>, <c>indeterminate</c> (non-A non-B, seronegative),
/// <c>halothane</c>, <c>drug-reaction</c> (idiosyncratic drug reaction), <c>wilson</c>, <c>autoimmune-hepatitis</c>,
/// <c>other</c>.
/// </summary>
public enum AcuteLiverFailureCause
{
    /// <summary>Acetaminophen (paracetamol) toxicity.</summary>
    Acetaminophen,

    /// <summary>Hepatitis A.</summary>
    HepatitisA,

    /// <summary>Hepatitis B.</summary>
    HepatitisB,

    /// <summary>Indeterminate: non-A non-B (seronegative) hepatitis.</summary>
    Indeterminate,

    /// <summary>Halothane hepatitis.</summary>
    Halothane,

    /// <summary>Idiosyncratic drug reaction.</summary>
    DrugReaction,

    /// <summary>Wilson disease.</summary>
    Wilson,

    /// <summary>Autoimmune hepatitis.</summary>
    AutoimmuneHepatitis,

    /// <summary>Any other cause.</summary>
    Other,
}
