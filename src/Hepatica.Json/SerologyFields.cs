using System.Text.Json;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Serology;

namespace Hepatica.Json;

/// <summary>The <c>serology</c> keys of the snapshot contract (docs/snapshot.md).</summary>
internal enum SerologyKey
{
    Unknown,
    HbsAg,
    AntiHbcTotal,
    AntiHbcIgm,
    AntiHbs,
    HbeAg,
    AntiHbe,
    HbvDna,
    AntiHcv,
    HcvRna,
    AntiHavTotal,
    AntiHavIgm,
    AntiHdv,
    HdvRna,
    AntiHevIgm,
    AntiHevIgg,
    HevRna,
}

/// <summary>The <c>serology</c> keys, their paths, and which take a quantitative value.</summary>
internal static class SerologyFields
{
    public const string KnownList = "hbsag, antiHbcTotal, antiHbcIgm, antiHbs, hbeag, antiHbe, hbvDna, antiHcv, hcvRna, antiHavTotal, antiHavIgm, antiHdv, hdvRna, antiHevIgm, antiHevIgg, hevRna";
    public const string Results = "one of positive, negative, indeterminate";

    private static readonly string[] Paths =
    [
        "serology", SerologyPaths.HbsAg, SerologyPaths.AntiHbcTotal, SerologyPaths.AntiHbcIgm, SerologyPaths.AntiHbs, SerologyPaths.HbeAg,
        SerologyPaths.AntiHbe, SerologyPaths.HbvDna, SerologyPaths.AntiHcv, SerologyPaths.HcvRna, SerologyPaths.AntiHavTotal,
        SerologyPaths.AntiHavIgm, SerologyPaths.AntiHdv, SerologyPaths.HdvRna, SerologyPaths.AntiHevIgm, SerologyPaths.AntiHevIgg, SerologyPaths.HevRna,
    ];

    /// <summary>The key at the reader's property name, matched on its UTF-8 bytes (case-sensitive).</summary>
    public static SerologyKey Match(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("hbsag"u8) ? SerologyKey.HbsAg
        : reader.ValueTextEquals("antiHbcTotal"u8) ? SerologyKey.AntiHbcTotal
        : reader.ValueTextEquals("antiHbcIgm"u8) ? SerologyKey.AntiHbcIgm
        : reader.ValueTextEquals("antiHbs"u8) ? SerologyKey.AntiHbs
        : reader.ValueTextEquals("hbeag"u8) ? SerologyKey.HbeAg
        : reader.ValueTextEquals("antiHbe"u8) ? SerologyKey.AntiHbe
        : reader.ValueTextEquals("hbvDna"u8) ? SerologyKey.HbvDna
        : reader.ValueTextEquals("antiHcv"u8) ? SerologyKey.AntiHcv
        : reader.ValueTextEquals("hcvRna"u8) ? SerologyKey.HcvRna
        : reader.ValueTextEquals("antiHavTotal"u8) ? SerologyKey.AntiHavTotal
        : reader.ValueTextEquals("antiHavIgm"u8) ? SerologyKey.AntiHavIgm
        : reader.ValueTextEquals("antiHdv"u8) ? SerologyKey.AntiHdv
        : reader.ValueTextEquals("hdvRna"u8) ? SerologyKey.HdvRna
        : reader.ValueTextEquals("antiHevIgm"u8) ? SerologyKey.AntiHevIgm
        : reader.ValueTextEquals("antiHevIgg"u8) ? SerologyKey.AntiHevIgg
        : reader.ValueTextEquals("hevRna"u8) ? SerologyKey.HevRna
        : SerologyKey.Unknown;

    public static string Path(SerologyKey key) => Paths[(int)key];

    /// <summary>Display name of a quantitative test, null for the qualitative-only ones.</summary>
    public static string? Quantitative(SerologyKey key) => key switch
    {
        SerologyKey.AntiHbs => "anti-HBs",
        SerologyKey.HbvDna => "HBV DNA",
        SerologyKey.HcvRna => "HCV RNA",
        SerologyKey.HdvRna => "HDV RNA",
        SerologyKey.HevRna => "HEV RNA",
        _ => null,
    };

    public static SerologyPanel Set(SerologyPanel p, SerologyKey key, SerologyResult r) => key switch
    {
        SerologyKey.HbsAg => p with { HbsAg = r },
        SerologyKey.AntiHbcTotal => p with { AntiHbcTotal = r },
        SerologyKey.AntiHbcIgm => p with { AntiHbcIgm = r },
        SerologyKey.AntiHbs => p with { AntiHbs = r },
        SerologyKey.HbeAg => p with { HbeAg = r },
        SerologyKey.AntiHbe => p with { AntiHbe = r },
        SerologyKey.HbvDna => p with { HbvDna = r },
        SerologyKey.AntiHcv => p with { AntiHcv = r },
        SerologyKey.HcvRna => p with { HcvRna = r },
        SerologyKey.AntiHavTotal => p with { AntiHavTotal = r },
        SerologyKey.AntiHavIgm => p with { AntiHavIgm = r },
        SerologyKey.AntiHdv => p with { AntiHdv = r },
        SerologyKey.HdvRna => p with { HdvRna = r },
        SerologyKey.AntiHevIgm => p with { AntiHevIgm = r },
        SerologyKey.AntiHevIgg => p with { AntiHevIgg = r },
        SerologyKey.HevRna => p with { HevRna = r },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a serology key."),
    };
}

/// <summary>Reading of the <c>serology</c> object (kept beside its keys so that SnapshotReader.cs changes little).</summary>
public static partial class SnapshotReader
{
    private static SerologyPanel ReadSerology(ref Utf8JsonReader reader, List<InputIssue> issues)
    {
        if (!ExpectObject(ref reader, "serology", issues))
        {
            return SerologyPanel.Empty;
        }

        var panel = SerologyPanel.Empty;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = SerologyFields.Match(ref reader);
            if (key == SerologyKey.Unknown)
            {
                Unknown(ref reader, "serology.", SerologyFields.KnownList, issues);
                continue;
            }

            if (Repeated(ref reader, ref seen, (int)key, "serology.", issues))
            {
                continue;
            }

            reader.Read();
            if (ReadSerologyTest(ref reader, key, issues) is { } test)
            {
                panel = SerologyFields.Set(panel, key, test);
            }
        }

        return panel;
    }

    /// <summary>Reads <c>{"result", "value", "unit", "date"}</c>; null (with the issues) when unusable.</summary>
    private static SerologyResult? ReadSerologyTest(ref Utf8JsonReader reader, SerologyKey key, List<InputIssue> issues)
    {
        var path = SerologyFields.Path(key);
        if (!ExpectObject(ref reader, path, issues))
        {
            return null;
        }

        QualitativeResult? result = null;
        decimal? number = null;
        string? unit = null;
        DateOnly? date = null;
        bool ok = true, valueGiven = false, resultGiven = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var k = reader.ValueTextEquals("result"u8) ? 1 : reader.ValueTextEquals("value"u8) ? 2 : reader.ValueTextEquals("unit"u8) ? 3 : reader.ValueTextEquals("date"u8) ? 4 : 0;
            if (k == 0)
            {
                Unknown(ref reader, path + ".", SerologyFields.Quantitative(key) is null ? "result, date" : "result, value, unit, date", issues);
                continue;
            }

            if (Repeated(ref reader, ref seen, k, path + ".", issues))
            {
                ok = false;
                continue;
            }

            reader.Read();
            switch (k)
            {
                case 1:
                    resultGiven = true;
                    result = reader.TokenType != JsonTokenType.String ? Invalid<QualitativeResult>(ref reader, path + ".result", SerologyFields.Results, issues)
                        : reader.ValueTextEquals("positive"u8) ? QualitativeResult.Positive
                        : reader.ValueTextEquals("negative"u8) ? QualitativeResult.Negative
                        : reader.ValueTextEquals("indeterminate"u8) ? QualitativeResult.Indeterminate
                        : Invalid<QualitativeResult>(ref reader, path + ".result", SerologyFields.Results, issues);
                    ok &= result is not null;
                    break;
                case 2:
                    valueGiven = true;
                    number = ReadLabNumber(ref reader, path, issues);
                    ok &= number is not null;
                    break;
                case 3:
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        unit = JsonInput.Echo(UnitText.Get(ref reader)); // a unit longer than the echo bound is unknown anyway
                    }
                    else
                    {
                        WrongType<string>(ref reader, path + ".unit", "a string (a UCUM unit such as \"[IU]/mL\")", issues);
                        ok = false;
                    }

                    break;
                default:
                    date = ReadDate(ref reader, path + ".date", issues);
                    break;
            }
        }

        var name = SerologyFields.Quantitative(key);
        if (valueGiven && name is null)
        {
            issues.Add(InputIssue.Error(IssueCodes.SerologyShape, path + ".value", $"{path} is qualitative: give \"result\" ({SerologyFields.Results}), not \"value\"."));
            return null;
        }

        if (!valueGiven && !resultGiven)
        {
            issues.Add(InputIssue.Error(IssueCodes.SerologyShape, path, $"{path} has neither \"result\" nor \"value\"."));
            return null;
        }

        if (!ok)
        {
            return null;
        }

        if (!valueGiven)
        {
            return SerologyResult.Of(result!.Value, date);
        }

        var canonical = key == SerologyKey.AntiHbs
            ? SerologyUnits.TryReadAntiHbs(number!.Value, unit, path, issues)
            : SerologyUnits.TryReadViralLoad(number!.Value, unit, name!, path, issues);
        if (canonical is not { } c)
        {
            return null;
        }

        var test = key == SerologyKey.AntiHbs
            ? SerologyResult.AntiHbsTiter(c, date, number, unit)
            : SerologyResult.ViralLoad(c, date, number, unit);
        if (result is { } given && given != QualitativeResult.Indeterminate && given != test.Result)
        {
            var rule = key == SerologyKey.AntiHbs ? $"positive at {Breakdown.F(SerologyUnits.ProtectiveAntiHbs)} mIU/mL or more" : "detected above 0 IU/mL";
            issues.Add(InputIssue.Warning(IssueCodes.ResultContradictsValue, path + ".result",
                $"{path} result \"{given.ToString().ToLowerInvariant()}\" contradicts its value {Breakdown.F(number!.Value)} {unit} ({rule}); the value is used."));
        }

        return test;
    }
}
