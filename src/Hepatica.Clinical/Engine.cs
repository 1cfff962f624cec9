using System.Globalization;
using System.Reflection;

namespace Hepatica.Clinical;

/// <summary>The engine's identity, from one place: the assembly's informational version (Directory.Build.props <c>Version</c>).</summary>
public static class Engine
{
    /// <summary>The engine's version without a source-control suffix (<c>0.1.0</c>, not <c>0.1.0+abc123</c>), so outputs of one release are byte-stable.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(Engine).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}

/// <summary>Where an assessment's as-of ("now" for the patient) came from.</summary>
public enum AsOfSource
{
    /// <summary>The snapshot's <c>assessmentDate</c> (a date, no time of day).</summary>
    AssessmentDate,

    /// <summary>The instant FHIR input was read as of (<c>--as-of</c>, the API's <c>asOf</c>).</summary>
    FhirAsOf,

    /// <summary>Neither was given: the instant the engine ran (the caller's clock; the core has none).</summary>
    RunTime,
}

/// <summary>
/// The instant an assessment is for, and where it came from, so an output never presents a guess as data:
/// FHIR input's as-of when it was given; else the snapshot's <c>assessmentDate</c>; else the run time.
/// </summary>
public sealed record AsOf
{
    private AsOf(string text, AsOfSource source)
    {
        Text = text;
        Source = source;
    }

    /// <summary>ISO 8601: <c>2026-11-20</c> for an assessment date, <c>2026-11-20T12:00:00Z</c> for an instant (whole seconds).</summary>
    public string Text { get; }

    /// <summary>Where <see cref="Text"/> came from.</summary>
    public AsOfSource Source { get; }

    /// <summary>The stable kebab-case name of <see cref="Source"/>: <c>assessmentDate</c>, <c>fhir-as-of</c> or <c>run-time</c>.</summary>
    public string SourceName => Source switch
    {
        AsOfSource.AssessmentDate => SnapshotKeys.AssessmentDate,
        AsOfSource.FhirAsOf => "fhir-as-of",
        AsOfSource.RunTime => "run-time",
        _ => throw new ArgumentOutOfRangeException(nameof(Source), Source, "Unknown as-of source."),
    };

    /// <summary>Chooses the as-of of one assessment.</summary>
    /// <param name="snapshot">The patient (its <c>assessmentDate</c>, if any).</param>
    /// <param name="runTime">The instant the engine ran.</param>
    /// <param name="fhirAsOf">The instant FHIR input was read as of, when it was given explicitly; null otherwise.</param>
    public static AsOf For(PatientSnapshot snapshot, DateTimeOffset runTime, DateTimeOffset? fhirAsOf = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return fhirAsOf is { } instant ? new(Format(instant), AsOfSource.FhirAsOf)
            : snapshot.AssessmentDate is { } day ? new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AsOfSource.AssessmentDate)
            : new(Format(runTime), AsOfSource.RunTime);
    }

    /// <summary>An instant: FHIR input's as-of, or the run time (also for a record whose input could not be read: it has no snapshot).</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="source"><see cref="AsOfSource.FhirAsOf"/> or <see cref="AsOfSource.RunTime"/> (an assessment date is a date: <see cref="For"/>).</param>
    public static AsOf AtInstant(DateTimeOffset instant, AsOfSource source) => source is AsOfSource.FhirAsOf or AsOfSource.RunTime
        ? new(Format(instant), source)
        : throw new ArgumentOutOfRangeException(nameof(source), source, "An instant's source is fhir-as-of or run-time.");

    private static string Format(DateTimeOffset t) => t.Offset == TimeSpan.Zero
        ? t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
