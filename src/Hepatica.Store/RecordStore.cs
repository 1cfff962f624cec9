using Hepatica.Clinical;
using Hepatica.Clinical.Course;
using Hepatica.Store.Database;

namespace Hepatica.Store;

/// <summary>Opens the record: creates and migrates the database on first use, refuses one newer than the code.</summary>
public static class RecordStore
{
    /// <summary>
    /// Opens the store at <paramref name="location"/> with the profile its timelines are made with. A SQLite file and its
    /// folder are created on first use (owner-only on Unix); the schema is migrated; a database newer than this code is
    /// refused with <see cref="StoreVersionException"/>.
    /// </summary>
    public static Task<IRecordStore> OpenAsync(StoreLocation location, GuidelineProfile profile = GuidelineProfiles.Default, TimeProvider? clock = null, CancellationToken cancellationToken = default) =>
        OpenAsync(location, profile, clock, Replay.Build, CourseRules.Evaluate, cancellationToken);

    /// <summary>
    /// Opens the store with the timeline builder and course rules given (tests: deterministic stand-ins). The builder gets
    /// the patient's current arrivals and the stored timeline (entries without their JSON) to reuse unchanged entries.
    /// </summary>
    internal static Task<IRecordStore> OpenAsync(
        StoreLocation location,
        GuidelineProfile profile,
        TimeProvider? clock,
        Func<string, IReadOnlyList<StoredArrival>, GuidelineProfile, IReadOnlyList<TimelineEntry>, IReadOnlyList<TimelineEntry>> build,
        Func<IReadOnlyList<CoursePoint>, CourseReport> evaluate,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(evaluate);
        return SqlRecordStore.OpenAsync(location, profile, clock ?? TimeProvider.System, build, evaluate, cancellationToken);
    }
}
