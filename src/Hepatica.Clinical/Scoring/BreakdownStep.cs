namespace Hepatica.Clinical.Scoring;

/// <summary>What a <see cref="BreakdownStep"/> of a breakdown records.</summary>
public enum StepKind
{
    /// <summary>An input value as used, in the score's unit.</summary>
    Input,

    /// <summary>A lower bound applied (value raised to the floor).</summary>
    Floor,

    /// <summary>An upper bound applied (value lowered to the cap).</summary>
    Cap,

    /// <summary>A value replaced by rule (for example creatinine set to 4.0 with dialysis).</summary>
    Substitution,

    /// <summary>One additive term of a formula.</summary>
    Term,

    /// <summary>Points given for one item of a points score.</summary>
    Points,

    /// <summary>An intermediate or total before rounding.</summary>
    Sum,

    /// <summary>A rounding, with its rule.</summary>
    Rounding,

    /// <summary>A bound applied to the result.</summary>
    Bound,

    /// <summary>The category or interpretation band chosen.</summary>
    Category,

    /// <summary>A remark on how the score was applied (a rule that did not fire, a variant chosen).</summary>
    Note,
}

/// <summary>One step of a score's breakdown: every floor, cap, substitution, term, point and rounding.</summary>
/// <param name="Kind">What the step is.</param>
/// <param name="Label">Short name, for example <c>creatinine</c> or <c>0.957 × ln(creatinine)</c>.</param>
/// <param name="Value">The number after this step, when the step has one.</param>
/// <param name="Detail">Plain explanation with the rule and its source.</param>
public sealed record BreakdownStep(StepKind Kind, string Label, decimal? Value, string Detail);
