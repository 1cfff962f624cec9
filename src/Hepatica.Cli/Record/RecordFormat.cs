using System.CommandLine;
using Hepatica.Clinical.Course;
using Hepatica.Store;

namespace Hepatica.Cli.Record;

/// <summary>The <c>--format text|json</c> option of the record commands, and the spellings they share.</summary>
internal static class RecordFormat
{
    /// <summary>Text for a clinician, JSON for tools.</summary>
    public enum Kind
    {
        /// <summary>A readable report.</summary>
        Text,

        /// <summary>JSON.</summary>
        Json,
    }

    /// <summary>A new <c>--format</c> option.</summary>
    public static Option<Kind> Create(string description) => new("--format", "-f")
    {
        Description = description,
        HelpName = "text|json",
        DefaultValueFactory = _ => Kind.Text,
    };

    /// <summary>An alert state as written and typed: <c>open</c>, <c>acknowledged</c>, <c>resolved</c>.</summary>
    public static string State(AlertState state) => state switch
    {
        AlertState.Open => "open",
        AlertState.Acknowledged => "acknowledged",
        AlertState.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Known: open, acknowledged, resolved."),
    };

    /// <summary>The state typed (<c>open</c>, <c>acknowledged</c> or <c>ack</c>, <c>resolved</c>), or null.</summary>
    public static AlertState? ParseState(string text) => text.Trim().ToLowerInvariant() switch
    {
        "open" => AlertState.Open,
        "acknowledged" or "ack" => AlertState.Acknowledged,
        "resolved" => AlertState.Resolved,
        _ => null,
    };

    /// <summary>A severity as written: <c>info</c>, <c>warning</c>, <c>critical</c>.</summary>
    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        AlertSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Known: info, warning, critical."),
    };

    /// <summary>The severity typed, or null.</summary>
    public static AlertSeverity? ParseSeverity(string text) => text.Trim().ToLowerInvariant() switch
    {
        "info" => AlertSeverity.Info,
        "warning" => AlertSeverity.Warning,
        "critical" => AlertSeverity.Critical,
        _ => null,
    };
}
