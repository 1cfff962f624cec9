using Hepatica.Cli.Tables;

namespace Hepatica.Cli.Tests.Tables;

/// <summary>docs/tables.md holds the column dictionary of the whole catalog, as the code makes it (`hepatica columns` prints it): a score added, renamed or re-versioned without updating the document fails here.</summary>
public sealed class ColumnDictionaryTests
{
    private const string Begin = "<!-- columns: generated: hepatica columns; ColumnDictionaryTests checks it -->";
    private const string End = "<!-- end of columns -->";

    [Fact]
    public void TablesMd_HoldsTheGeneratedDictionary()
    {
        var doc = File.ReadAllText(RepoRoot.File("docs", "tables.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/tables.md must hold the dictionary between '{Begin}' and '{End}'.");

        var committed = doc[(start + Begin.Length)..end].Trim('\n');

        Assert.Equal(TableLayout.For(null).Dictionary().Trim('\n'), committed);
    }

    [Fact]
    public void Stems_AreUniqueAndLowerSnakeCase()
    {
        var layout = TableLayout.For(null);

        Assert.Equal(layout.Columns.Count, layout.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(layout.Columns, c => Assert.Matches("^[a-z][a-z0-9_]*$", c.Name));
        Assert.Equal("meld_3_0", TableLayout.Stem("meld-3.0"));
        Assert.Equal("meld_na_kim_2008", TableLayout.Stem("meld-na-kim-2008"));
    }
}
