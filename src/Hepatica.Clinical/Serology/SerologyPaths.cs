namespace Hepatica.Clinical.Serology;

/// <summary>The snapshot paths of the serology tests (the keys of the <c>serology</c> object, docs/snapshot.md).</summary>
public static class SerologyPaths
{
    /// <summary><c>serology.hbsag</c>.</summary>
    public const string HbsAg = SnapshotKeys.Serology.Hbsag;

    /// <summary><c>serology.antiHbcTotal</c>.</summary>
    public const string AntiHbcTotal = SnapshotKeys.Serology.AntiHbcTotal;

    /// <summary><c>serology.antiHbcIgm</c>.</summary>
    public const string AntiHbcIgm = SnapshotKeys.Serology.AntiHbcIgm;

    /// <summary><c>serology.antiHbs</c>.</summary>
    public const string AntiHbs = SnapshotKeys.Serology.AntiHbs;

    /// <summary><c>serology.hbeag</c>.</summary>
    public const string HbeAg = SnapshotKeys.Serology.Hbeag;

    /// <summary><c>serology.antiHbe</c>.</summary>
    public const string AntiHbe = SnapshotKeys.Serology.AntiHbe;

    /// <summary><c>serology.hbvDna</c>.</summary>
    public const string HbvDna = SnapshotKeys.Serology.HbvDna;

    /// <summary><c>serology.antiHcv</c>.</summary>
    public const string AntiHcv = SnapshotKeys.Serology.AntiHcv;

    /// <summary><c>serology.hcvRna</c>.</summary>
    public const string HcvRna = SnapshotKeys.Serology.HcvRna;

    /// <summary><c>serology.antiHavTotal</c>.</summary>
    public const string AntiHavTotal = SnapshotKeys.Serology.AntiHavTotal;

    /// <summary><c>serology.antiHavIgm</c>.</summary>
    public const string AntiHavIgm = SnapshotKeys.Serology.AntiHavIgm;

    /// <summary><c>serology.antiHdv</c>.</summary>
    public const string AntiHdv = SnapshotKeys.Serology.AntiHdv;

    /// <summary><c>serology.hdvRna</c>.</summary>
    public const string HdvRna = SnapshotKeys.Serology.HdvRna;

    /// <summary><c>serology.antiHevIgm</c>.</summary>
    public const string AntiHevIgm = SnapshotKeys.Serology.AntiHevIgm;

    /// <summary><c>serology.antiHevIgg</c>.</summary>
    public const string AntiHevIgg = SnapshotKeys.Serology.AntiHevIgg;

    /// <summary><c>serology.hevRna</c>.</summary>
    public const string HevRna = SnapshotKeys.Serology.HevRna;

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
