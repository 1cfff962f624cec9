using Hepatica.Clinical.Labs;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Json;

/// <summary>The <c>labs</c> keys of the snapshot contract and the analyte each one reads into.</summary>
internal static class LabFields
{
    public const string KnownList = "bilirubin, creatinine, inr, sodium, albumin, platelets, ast, alt, alp, astUpperLimit, altUpperLimit, alpUpperLimit";

    public static bool IsKnown(string key) => key is "bilirubin" or "creatinine" or "inr" or "sodium" or "albumin" or "platelets"
        or "ast" or "alt" or "alp" or "astUpperLimit" or "altUpperLimit" or "alpUpperLimit";

    /// <summary>Validates the value into its analyte and returns the panel with it set (unchanged when unusable).</summary>
    public static LabPanel Set(LabPanel panel, string key, decimal value, string? unit, string path, List<InputIssue> issues) => key switch
    {
        "bilirubin" => Bilirubin.TryRead(value, unit, path, issues, out var v) ? panel with { Bilirubin = v } : panel,
        "creatinine" => Creatinine.TryRead(value, unit, path, issues, out var v) ? panel with { Creatinine = v } : panel,
        "inr" => Inr.TryRead(value, unit, path, issues, out var v) ? panel with { Inr = v } : panel,
        "sodium" => Sodium.TryRead(value, unit, path, issues, out var v) ? panel with { Sodium = v } : panel,
        "albumin" => Albumin.TryRead(value, unit, path, issues, out var v) ? panel with { Albumin = v } : panel,
        "platelets" => Platelets.TryRead(value, unit, path, issues, out var v) ? panel with { Platelets = v } : panel,
        "ast" => Ast.TryRead(value, unit, path, issues, out var v) ? panel with { Ast = v } : panel,
        "alt" => Alt.TryRead(value, unit, path, issues, out var v) ? panel with { Alt = v } : panel,
        "alp" => Alp.TryRead(value, unit, path, issues, out var v) ? panel with { Alp = v } : panel,
        "astUpperLimit" => Ast.TryRead(value, unit, path, issues, out var v) ? panel with { AstUpperLimit = v } : panel,
        "altUpperLimit" => Alt.TryRead(value, unit, path, issues, out var v) ? panel with { AltUpperLimit = v } : panel,
        "alpUpperLimit" => Alp.TryRead(value, unit, path, issues, out var v) ? panel with { AlpUpperLimit = v } : panel,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Known lab keys: " + KnownList),
    };
}
