using System.Runtime.CompilerServices;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Scores;

/// <summary>
/// Hy's law (FDA 2009 guidance, Drug-Induced Liver Injury: Premarketing Clinical Evaluation): all of ALT or AST ≥ 3 × ULN
/// ("3-fold or greater"), total bilirubin &gt; 2 × ULN, no initial cholestasis (taken as ALP &lt; 2 × ULN, the usual
/// operational form; the guidance says "without initial findings of cholestasis (elevated serum ALP)"), and no other
/// reason for the combined rise. Decided with what is given when one component is already not met; otherwise every
/// unknown component is named as missing. 1 when met, 0 when not.
/// </summary>
public static class HysLaw
{
    /// <summary>FDA 2009: the three components of a Hy's law case.</summary>
    public static readonly Citation Fda2009 = new(
        "FDA 2009",
        "U.S. Food and Drug Administration. Guidance for Industry. Drug-Induced Liver Injury: Premarketing Clinical Evaluation. July 2009.",
        2009, "https://www.fda.gov/media/116737/download");

    /// <summary>What the criteria are, their range and sources.</summary>
    public static readonly ScoreDefinition Definition = new(
        "hys-law", "1.0.0", "Hy's law", 0m, 1m, "no rounding: 1 when all components are met, 0 when one is not (FDA 2009)",
        [SnapshotKeys.Labs.Alt, SnapshotKeys.Labs.AltUpperLimit, SnapshotKeys.Labs.Ast, SnapshotKeys.Labs.AstUpperLimit, SnapshotKeys.Labs.Bilirubin, SnapshotKeys.Labs.BilirubinUpperLimit,
         SnapshotKeys.Labs.Alp, SnapshotKeys.Labs.AlpUpperLimit, SnapshotKeys.Dili.NoOtherExplanation],
        [Fda2009])
    {
        Population = new(
            "Patients with suspected drug-induced hepatocellular injury (FDA 2009); no gate is checked.",
            [Fda2009], []) { RelevantWhen = Populations.SuspectedDrugInjury },
    };

    /// <summary>Aminotransferase cut-off, × ULN, inclusive (FDA 2009: "3-fold or greater").</summary>
    public const decimal AminotransferaseAtLeast = 3m;

    /// <summary>Bilirubin cut-off, × ULN, exclusive (FDA 2009: "&gt; 2xULN").</summary>
    public const decimal BilirubinAbove = 2m;

    /// <summary>ALP limit for "no initial cholestasis", × ULN, exclusive (operational form).</summary>
    public const decimal AlpBelow = 2m;

    /// <summary>Outcome bands.</summary>
    public static readonly IReadOnlyList<Band> Outcomes =
        [Band.Between(0m, 0m, "not a Hy's law case"), Band.Between(1m, 1m, "Hy's law case (potential for severe DILI)")];

    /// <summary>The inputs; any may be missing (the outcome is decided when one given component is not met).</summary>
    /// <param name="Alt">ALT.</param>
    /// <param name="AltUpperLimit">ALT upper limit of normal.</param>
    /// <param name="Ast">AST.</param>
    /// <param name="AstUpperLimit">AST upper limit of normal.</param>
    /// <param name="Bilirubin">Total bilirubin.</param>
    /// <param name="BilirubinUpperLimit">Bilirubin upper limit of normal.</param>
    /// <param name="Alp">Alkaline phosphatase.</param>
    /// <param name="AlpUpperLimit">ALP upper limit of normal.</param>
    /// <param name="NoOtherExplanation">No other reason found for the combined rise.</param>
    public sealed record Inputs(Alt? Alt, Alt? AltUpperLimit, Ast? Ast, Ast? AstUpperLimit, Bilirubin? Bilirubin, Bilirubin? BilirubinUpperLimit, Alp? Alp, Alp? AlpUpperLimit, bool? NoOtherExplanation);

    /// <summary>Gathers the inputs from a snapshot and decides, or names what is missing.</summary>
    /// <param name="snapshot">The patient.</param>
    /// <param name="recordSteps">False to compute without keeping the breakdown (same value).</param>
    public static ScoreOutcome Evaluate(PatientSnapshot snapshot, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var l = snapshot.Labs;
        var inputs = new Inputs(l.Alt, l.AltUpperLimit, l.Ast, l.AstUpperLimit, l.Bilirubin, l.BilirubinUpperLimit, l.Alp, l.AlpUpperLimit, snapshot.Dili.NoOtherExplanation);
        var missing = new List<string>();
        return Decide(inputs, Breakdown.For(false), missing) is null
            ? ScoreOutcome.NotCalculable(Definition, missing)
            : ScoreOutcome.Calculated(Calculate(inputs, recordSteps));
    }

    /// <summary>Decides whether Hy's law is met, with a step for each component.</summary>
    /// <exception cref="ArgumentException">The inputs cannot decide (see <see cref="Evaluate"/>).</exception>
    public static ScoreResult Calculate(Inputs inputs, bool recordSteps = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = Breakdown.For(recordSteps);
        var missing = new List<string>();
        var met = Decide(inputs, b, missing) ?? throw new ArgumentException("The inputs cannot decide Hy's law; missing: " + string.Join(", ", missing), nameof(inputs));
        var value = b.Sum("criteria met", met ? 1m : 0m, met ? "1: every component is met" : "0: a component is not met");
        var category = b.Category("outcome", value, Bands.Find(Outcomes, value), Fda2009);
        return new ScoreResult(Definition, value, null, category, b.Steps, []);
    }

    private static bool? Decide(Inputs i, Breakdown b, List<string> missing)
    {
        var alt = Ratio(i.Alt?.UnitsPerLiter, i.AltUpperLimit?.UnitsPerLiter);
        var ast = Ratio(i.Ast?.UnitsPerLiter, i.AstUpperLimit?.UnitsPerLiter);
        bool? aminotransferase = alt >= AminotransferaseAtLeast || ast >= AminotransferaseAtLeast ? true : alt is null || ast is null ? null : false;
        Component(b, "ALT or AST ≥ 3 × ULN", aminotransferase, $"ALT {Shown(alt)}, AST {Shown(ast)} × ULN (FDA 2009: 3-fold or greater)");
        var bili = Ratio(i.Bilirubin?.MilligramsPerDeciliter, i.BilirubinUpperLimit?.MilligramsPerDeciliter);
        bool? bilirubin = bili is { } br ? br > BilirubinAbove : null;
        Component(b, "bilirubin > 2 × ULN", bilirubin, $"total bilirubin {Shown(bili)} × ULN (FDA 2009)");
        var alp = Ratio(i.Alp?.UnitsPerLiter, i.AlpUpperLimit?.UnitsPerLiter);
        bool? noCholestasis = alp is { } ar ? ar < AlpBelow : null;
        Component(b, "ALP < 2 × ULN", noCholestasis, $"ALP {Shown(alp)} × ULN: no initial cholestasis (FDA 2009; ALP < 2 × ULN as usually applied)");
        Component(b, "no other explanation", i.NoOtherExplanation, "no viral hepatitis, pre-existing or acute liver disease or other drug explains the rise (FDA 2009)");
        if (aminotransferase == false || bilirubin == false || noCholestasis == false || i.NoOtherExplanation == false)
        {
            return false;
        }

        if (aminotransferase is null)
        {
            AddPair(missing, alt, i.Alt is null, SnapshotKeys.Labs.Alt, i.AltUpperLimit is null, SnapshotKeys.Labs.AltUpperLimit);
            AddPair(missing, ast, i.Ast is null, SnapshotKeys.Labs.Ast, i.AstUpperLimit is null, SnapshotKeys.Labs.AstUpperLimit);
        }

        AddPair(missing, bili, i.Bilirubin is null, SnapshotKeys.Labs.Bilirubin, i.BilirubinUpperLimit is null, SnapshotKeys.Labs.BilirubinUpperLimit);
        AddPair(missing, alp, i.Alp is null, SnapshotKeys.Labs.Alp, i.AlpUpperLimit is null, SnapshotKeys.Labs.AlpUpperLimit);
        if (i.NoOtherExplanation is null)
        {
            missing.Add(SnapshotKeys.Dili.NoOtherExplanation);
        }

        return missing.Count == 0 ? true : null;
    }

    private static decimal? Ratio(decimal? value, decimal? upperLimit) => value is { } v && upperLimit is { } u ? v / u : null;

    private static string Shown(decimal? ratio) => ratio is { } r ? Breakdown.F(r) : "not known";

    private static void Component(Breakdown b, string label, bool? met, string detail) =>
        b.Note(label, $"{(met is { } m ? (m ? "met" : "not met") : "not known")}: {detail}");

    /// <summary>As above; the detail is formatted only when the breakdown is recording (batch runs do not).</summary>
    private static void Component(Breakdown b, string label, bool? met, [InterpolatedStringHandlerArgument("b")] ref DetailHandler detail)
    {
        if (b.Recording)
        {
            Component(b, label, met, detail.ToStringAndClear());
        }
    }

    private static void AddPair(List<string> missing, decimal? ratio, bool valueMissing, string valuePath, bool limitMissing, string limitPath)
    {
        if (ratio is not null)
        {
            return;
        }

        if (valueMissing)
        {
            missing.Add(valuePath);
        }

        if (limitMissing)
        {
            missing.Add(limitPath);
        }
    }
}
