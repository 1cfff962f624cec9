using System.Globalization;
using System.Text;

namespace Hepatica.Benchmarks;

/// <summary>
/// A generated 10-year record for scripts/bench-record.sh and <see cref="RecordBench"/>: one patient with cirrhosis
/// whose liver worsens slowly (bilirubin 1.0 to 3.5 mg/dL, INR 1.1 to 1.7, creatinine 0.9 to 1.5 mg/dL, sodium 139 to
/// 133 mmol/L, albumin 3.8 to 2.8 g/dL), a panel of the five MELD inputs at every draw: weekly to fortnightly in clinic,
/// daily for a week in an admission about every three months (worse values), as a FHIR R4 collection Bundle of
/// Observations with LOINC codes and UCUM units. Deterministic (a fixed seed): the same count gives the same bytes.
/// </summary>
public static class RecordData
{
    /// <summary>The five MELD inputs: LOINC, UCUM unit, display.</summary>
    private static readonly (string Key, string Loinc, string Unit)[] Panel =
    [
        ("bili", "1975-2", "mg/dL"), ("crea", "2160-0", "mg/dL"), ("inr", "6301-6", "{INR}"), ("na", "2951-2", "mmol/L"), ("alb", "1751-7", "g/dL"),
    ];

    /// <summary>The first draw: ten years before 2026-11-20.</summary>
    public static readonly DateTimeOffset Start = new(2016, 11, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The span of the record.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(3652);

    /// <summary>Writes a Bundle of <paramref name="labs"/> Observations (rounded down to whole panels of five) for patient <paramref name="patientId"/> to <paramref name="path"/>.</summary>
    public static int Generate(int labs, string path, string patientId = "bench-10y")
    {
        File.WriteAllBytes(path, Bundle(labs, patientId));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {labs / Panel.Length * Panel.Length} Observations for {patientId} over 10 years to {path}"));
        return 0;
    }

    /// <summary>The Bundle's bytes.</summary>
    public static byte[] Bundle(int labs, string patientId, DateTimeOffset? start = null, TimeSpan? span = null)
    {
        var draws = Draws(labs / Panel.Length, start ?? Start, span ?? Span);
        var sb = new StringBuilder(labs * 420);
        sb.Append("""{"resourceType":"Bundle","type":"collection","entry":[""");
        sb.Append(CultureInfo.InvariantCulture, $$$"""{"resource":{"resourceType":"Patient","id":"{{{patientId}}}","meta":{"versionId":"1"},"gender":"female","birthDate":"1962-04-11"}}""");
        var random = new Random(13);
        for (var d = 0; d < draws.Count; d++)
        {
            var (at, admitted) = draws[d];
            var t = (at - (start ?? Start)).TotalDays / (span ?? Span).TotalDays;
            foreach (var (key, loinc, unit) in Panel)
            {
                var value = Value(key, t, admitted, random);
                sb.Append(',').Append(Observation($"{patientId}-{key}-{d:D5}", patientId, loinc, value, unit, at));
            }
        }

        sb.Append("]}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>One Observation (one new lab), as a FHIR resource.</summary>
    public static string Observation(string id, string patientId, string loinc, decimal value, string unit, DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture,
        $$$$"""{"resource":{"resourceType":"Observation","id":"{{{{id}}}}","meta":{"versionId":"1"},"status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"{{{{loinc}}}}"}]},"subject":{"reference":"Patient/{{{{patientId}}}}"},"effectiveDateTime":"{{{{at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}}}","valueQuantity":{"value":{{{{value}}}},"unit":"{{{{unit}}}}","system":"http://unitsofmeasure.org","code":"{{{{unit}}}}"}}}""");

    /// <summary>The draw instants: clinic every 7 or 14 days, an admission (7 daily draws) every 13th clinic visit; scaled to fill the span.</summary>
    private static List<(DateTimeOffset At, bool Admitted)> Draws(int count, DateTimeOffset start, TimeSpan span)
    {
        var gaps = new List<(double Days, bool Admitted)>(count);
        for (var i = 0; gaps.Count < count; i++)
        {
            if (i % 13 == 12)
            {
                for (var day = 0; day < 7 && gaps.Count < count; day++)
                {
                    gaps.Add((1, true));
                }
            }
            else
            {
                gaps.Add((i % 2 == 0 ? 7 : 14, false));
            }
        }

        var scale = span.TotalDays / gaps.Sum(g => g.Days);
        var at = 0.0;
        var draws = new List<(DateTimeOffset, bool)>(count);
        foreach (var (days, admitted) in gaps)
        {
            draws.Add((start + TimeSpan.FromHours(Math.Round(at * 24, MidpointRounding.AwayFromZero)), admitted));
            at += days * scale;
        }

        return draws;
    }

    /// <summary>A value at fraction <paramref name="t"/> of the record: a slow trend, ±5% noise, worse in an admission.</summary>
    private static decimal Value(string key, double t, bool admitted, Random random)
    {
        var noise = 1 + ((random.NextDouble() - 0.5) / 10);
        var (value, decimals) = key switch
        {
            "bili" => ((1.0 + (2.5 * t * t)) * (admitted ? 1.6 : 1) * noise, 1),
            "crea" => ((0.9 + (0.6 * t)) * (admitted ? 1.5 : 1) * noise, 2),
            "inr" => ((1.1 + (0.6 * t)) * (admitted ? 1.15 : 1) * noise, 1),
            "na" => (139 - (6 * t) - (admitted ? 4 : 0) + ((noise - 1) * 20), 0),
            "alb" => ((3.8 - (1.0 * t)) * (admitted ? 0.9 : 1) * noise, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Known: bili, crea, inr, na, alb."),
        };
        return Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);
    }
}
