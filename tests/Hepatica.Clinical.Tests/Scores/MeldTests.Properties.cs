using FsCheck.Xunit;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Scores;

public sealed partial class MeldTests
{
    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_InputRises_NeverDecreases(Rise rise)
    {
        ArgumentNullException.ThrowIfNull(rise);
        return Value(Meld.Evaluate(rise.Raised.ToSnapshot(false))) >= Value(Meld.Evaluate(rise.Patient.ToSnapshot(false)));
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_IntegerWithinDefinitionRange(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var value = Value(Meld.Evaluate(patient.ToSnapshot(false)));
        return value >= Meld.Definition.Minimum && value <= Meld.Definition.Maximum && value == decimal.Truncate(value);
    }

    internal static decimal Value(ScoreOutcome outcome) =>
        outcome.Result?.Value ?? throw new InvalidOperationException($"{outcome.Definition.Id}: {outcome.Status} {outcome.Reason}");
}

public sealed partial class MeldNaTests
{
    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_InputRises_NeverDecreases(Rise rise)
    {
        ArgumentNullException.ThrowIfNull(rise);
        return MeldTests.Value(MeldNa.Evaluate(rise.Raised.ToSnapshot(false))) >= MeldTests.Value(MeldNa.Evaluate(rise.Patient.ToSnapshot(false)));
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_IntegerWithinDefinitionRange(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var value = MeldTests.Value(MeldNa.Evaluate(patient.ToSnapshot(false)));
        return value >= MeldNa.Definition.Minimum && value <= MeldNa.Definition.Maximum && value == decimal.Truncate(value);
    }
}

public sealed partial class Meld3Tests
{
    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_InputRises_NeverDecreases(Rise rise)
    {
        ArgumentNullException.ThrowIfNull(rise);
        var before = Meld3.Evaluate(rise.Patient.ToSnapshot(false)).Result!;
        var after = Meld3.Evaluate(rise.Raised.ToSnapshot(false)).Result!;
        return after.Value >= before.Value && after.Extras[Meld3.UncappedExtra] >= before.Extras[Meld3.UncappedExtra];
    }

    [Property(Arbitrary = [typeof(ClinicalArbitraries)])]
    public bool Evaluate_AnyPatient_WithinDefinitionRangeAndUncappedAtLeastValue(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var result = Meld3.Evaluate(patient.ToSnapshot(false)).Result!;
        var uncapped = result.Extras[Meld3.UncappedExtra];
        return result.Value >= Meld3.Definition.Minimum && result.Value <= Meld3.Definition.Maximum
            && result.Value == decimal.Min(uncapped, 40m) && uncapped == decimal.Round(result.Unrounded!.Value, 0, MidpointRounding.AwayFromZero);
    }
}
