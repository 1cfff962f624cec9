namespace Hepatica.Clinical.Serology;

/// <summary>The snapshot paths of the serology tests (the keys of the <c>serology</c> object, docs/snapshot.md).</summary>
public static class SerologyPaths
{
    /// <summary><c>serology.hbsag</c>.</summary>
    public const string HbsAg = "serology.hbsag";

    /// <summary><c>serology.antiHbcTotal</c>.</summary>
    public const string AntiHbcTotal = "serology.antiHbcTotal";

    /// <summary><c>serology.antiHbcIgm</c>.</summary>
    public const string AntiHbcIgm = "serology.antiHbcIgm";

    /// <summary><c>serology.antiHbs</c>.</summary>
    public const string AntiHbs = "serology.antiHbs";

    /// <summary><c>serology.hbeag</c>.</summary>
    public const string HbeAg = "serology.hbeag";

    /// <summary><c>serology.antiHbe</c>.</summary>
    public const string AntiHbe = "serology.antiHbe";

    /// <summary><c>serology.hbvDna</c>.</summary>
    public const string HbvDna = "serology.hbvDna";

    /// <summary><c>serology.antiHcv</c>.</summary>
    public const string AntiHcv = "serology.antiHcv";

    /// <summary><c>serology.hcvRna</c>.</summary>
    public const string HcvRna = "serology.hcvRna";

    /// <summary><c>serology.antiHavTotal</c>.</summary>
    public const string AntiHavTotal = "serology.antiHavTotal";

    /// <summary><c>serology.antiHavIgm</c>.</summary>
    public const string AntiHavIgm = "serology.antiHavIgm";

    /// <summary><c>serology.antiHdv</c>.</summary>
    public const string AntiHdv = "serology.antiHdv";

    /// <summary><c>serology.hdvRna</c>.</summary>
    public const string HdvRna = "serology.hdvRna";

    /// <summary><c>serology.antiHevIgm</c>.</summary>
    public const string AntiHevIgm = "serology.antiHevIgm";

    /// <summary><c>serology.antiHevIgg</c>.</summary>
    public const string AntiHevIgg = "serology.antiHevIgg";

    /// <summary><c>serology.hevRna</c>.</summary>
    public const string HevRna = "serology.hevRna";

    /// <summary>True for positive, false for negative, null when not given or indeterminate.</summary>
    internal static bool? Known(SerologyResult? r) => r?.Result switch
    {
        QualitativeResult.Positive => true,
        QualitativeResult.Negative => false,
        _ => null,
    };

    /// <summary>The paths of the tests that were given, in the order listed.</summary>
    internal static List<string> Given(params (SerologyResult? Result, string Path)[] tests) =>
        [.. tests.Where(t => t.Result is not null).Select(t => t.Path)];

    /// <summary>"order X" or "repeat X (indeterminate)" for a test that is not settled.</summary>
    internal static string OrderOrRepeat(SerologyResult? r, string test, string why) =>
        r?.Result == QualitativeResult.Indeterminate ? $"repeat {test} (last result indeterminate): {why}" : $"{test}: {why}";
}
