using System.Globalization;
using FsCheck.Xunit;
using Hepatica.Store.Database;

namespace Hepatica.Store.Tests;

/// <summary>The store's pure parts: the identity that makes ingest idempotent, and the order of versions.</summary>
public sealed class SqlRecordStoreTests
{
    [Fact]
    public void IdentityKey_FhirWithVersionId_IsTypeIdAndVersionWhateverTheContent()
    {
        var a = TestRecord.Lab("p1", "o1", "4", TestRecord.T0, 12);
        var b = TestRecord.Lab("p1", "o1", "4", TestRecord.T0, 13);
        Assert.Equal("fhir:Observation/o1/_history/4", SqlRecordStore.IdentityKey(a));
        Assert.Equal(SqlRecordStore.IdentityKey(a), SqlRecordStore.IdentityKey(b));
    }

    [Fact]
    public void IdentityKey_WithoutVersionIdOrASnapshot_IsTheContent()
    {
        var a = TestRecord.Lab("p1", "o1", null, TestRecord.T0, 12);
        var b = TestRecord.Lab("p1", "o1", null, TestRecord.T0, 13);
        Assert.NotEqual(SqlRecordStore.IdentityKey(a), SqlRecordStore.IdentityKey(b));
        Assert.EndsWith(a.ContentHash, SqlRecordStore.IdentityKey(a), StringComparison.Ordinal);
        var snapshot = TestRecord.Snapshot("p1", TestRecord.T0, 12);
        Assert.Equal("snapshot:sha256:" + snapshot.ContentHash, SqlRecordStore.IdentityKey(snapshot));
    }

    // Whatever order the versions arrived in (row ids), numeric versionIds decide: version 10 is newer than version 9.
    [Property]
    public bool OrderVersions_NumericVersionIds_NewestIsTheHighestWhateverTheArrivalOrder(int[] versions)
    {
        var distinct = versions.Select(v => Math.Abs((long)v)).Distinct().ToList();
        if (distinct.Count == 0)
        {
            return true;
        }

        var rows = distinct.Select((v, i) => (Row: (long)(distinct.Count - i), Version: v.ToString(CultureInfo.InvariantCulture))).ToList();
        var ordered = SqlRecordStore.OrderVersions(rows, r => r.Version, _ => null, r => r.Row);
        return ordered.Select(r => long.Parse(r.Version, CultureInfo.InvariantCulture)).SequenceEqual(distinct.Order());
    }

    [Fact]
    public void OrderVersions_NonNumericVersionIds_FallBackToLastUpdatedThenArrivalOrder()
    {
        var rows = new[] { (Row: 1L, Version: "b", Updated: (DateTimeOffset?)TestRecord.T0.AddHours(2)), (Row: 2L, Version: "a", Updated: TestRecord.T0) };
        Assert.Equal([2L, 1L], SqlRecordStore.OrderVersions(rows, r => r.Version, r => r.Updated, r => r.Row).Select(r => r.Row));
        var undated = new[] { (Row: 2L, Version: "b", Updated: (DateTimeOffset?)null), (Row: 1L, Version: "a", Updated: TestRecord.T0) };
        Assert.Equal([1L, 2L], SqlRecordStore.OrderVersions(undated, r => r.Version, r => r.Updated, r => r.Row).Select(r => r.Row));
    }
}
