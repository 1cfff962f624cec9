using Hepatica.Clinical;

namespace Hepatica.Store;

/// <summary>Opens the record: creates and migrates the database on first use, refuses one newer than the code.</summary>
public static class RecordStore
{
    /// <summary>Opens the store at <paramref name="location"/> with the profile its timelines are made with.</summary>
    public static Task<IRecordStore> OpenAsync(StoreLocation location, GuidelineProfile profile = GuidelineProfiles.Default, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        _ = profile;
        _ = clock;
        _ = cancellationToken;
        // Seam (issue 13): the store helper writes the SQLite and PostgreSQL implementation.
        throw new NotImplementedException("The record store is being built (issue 13).");
    }
}
