using System.Text.Json;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;

namespace Hepatica.Json;

/// <summary>Reading of one <c>serology</c> test once its object is read (<see cref="QualitativeTest"/>, <see cref="QuantitativeTest"/>): its shape, unit and result.</summary>
public static partial class SnapshotReader
{
    /// <summary>Reads <c>{"result", "value", "unit", "date"}</c>; null (with the issues) when unusable.</summary>
    private static SerologyResult? ReadSerologyTest(ref Utf8JsonReader reader, string path, string? name, bool antiHbs, List<InputIssue> issues)
    {
        var t = default(SerologyTest);
        if (!(name is null ? QualitativeTest : QuantitativeTest).Read(ref reader, ref t, path, issues, out var repeated))
        {
            return null;
        }

        if (t.ValueGiven && name is null)
        {
            issues.Add(InputIssue.Error(IssueCodes.SerologyShape, path + ".value", $"{path} is qualitative: give \"result\" ({ResultChoices.Accepted}), not \"value\"."));
            return null;
        }

        if (!t.ValueGiven && !t.ResultGiven)
        {
            issues.Add(InputIssue.Error(IssueCodes.SerologyShape, path, $"{path} has neither \"result\" nor \"value\"."));
            return null;
        }

        if (t.Unusable || repeated)
        {
            return null;
        }

        if (!t.ValueGiven)
        {
            return SerologyResult.Of(t.Result!.Value, t.Date);
        }

        var canonical = antiHbs
            ? SerologyUnits.TryReadAntiHbs(t.Number!.Value, t.Unit, path, issues)
            : SerologyUnits.TryReadViralLoad(t.Number!.Value, t.Unit, name!, path, issues);
        if (canonical is not { } c)
        {
            return null;
        }

        var test = antiHbs
            ? SerologyResult.AntiHbsTiter(c, t.Date, t.Number, t.Unit)
            : SerologyResult.ViralLoad(c, t.Date, t.Number, t.Unit);
        if (t.Result is { } given && given != QualitativeResult.Indeterminate && given != test.Result)
        {
            var rule = antiHbs ? $"positive at {Breakdown.F(SerologyUnits.ProtectiveAntiHbs)} mIU/mL or more" : "detected above 0 IU/mL";
            issues.Add(InputIssue.Warning(IssueCodes.ResultContradictsValue, path + ".result",
                $"{path} result \"{given.ToString().ToLowerInvariant()}\" contradicts its value {Breakdown.F(t.Number!.Value)} {t.Unit} ({rule}); the value is used."));
        }

        return test;
    }
}
