using Hepatica.Clinical.Scoring;

namespace Hepatica.Cli.Batch;

/// <summary>Snapshots counted by their worst issue: clean, with warnings only, or with errors (batch lines and Bulk patients).</summary>
internal abstract class IssueCounts
{
    public long Clean { get; set; }

    public long WithWarnings { get; set; }

    public long WithErrors { get; set; }

    /// <summary>Counts one snapshot by the worst of its <paramref name="issues"/>.</summary>
    public virtual void Count(IReadOnlyList<InputIssue> issues)
    {
        var errors = false;
        var warnings = false;
        foreach (var issue in issues)
        {
            errors |= issue.Severity == IssueSeverity.Error;
            warnings |= issue.Severity == IssueSeverity.Warning;
        }

        if (errors)
        {
            WithErrors++;
        }
        else if (warnings)
        {
            WithWarnings++;
        }
        else
        {
            Clean++;
        }
    }

    /// <summary>Adds the other's three counts to these.</summary>
    protected void AddIssues(IssueCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Clean += other.Clean;
        WithWarnings += other.WithWarnings;
        WithErrors += other.WithErrors;
    }
}
