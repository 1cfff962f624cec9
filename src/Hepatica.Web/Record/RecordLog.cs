namespace Hepatica.Web.Record;

/// <summary>The log messages of the record's routes: ids and counts only, never a value (health data).</summary>
internal static partial class RecordLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Record ingest from {Source}: patient {PatientId}, {Stored} stored, {Duplicates} duplicate(s), {Superseded} superseded, {Assessments} assessment(s), {Fired} alert(s) fired, {Updated} updated")]
    public static partial void Ingested(ILogger log, string source, string patientId, int stored, int duplicates, int superseded, int assessments, int fired, int updated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Record ingest from {Source} refused: {Errors} error(s)")]
    public static partial void Refused(ILogger log, string source, int errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} set to {State}")]
    public static partial void StateSet(ILogger log, long alertId, Hepatica.Store.AlertState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient {PatientId} erased from the record")]
    public static partial void Erased(ILogger log, string patientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription notification {Kind} from {Subscription}: nothing stored")]
    public static partial void Notification(ILogger log, string kind, string subscription);

    [LoggerMessage(Level = LogLevel.Error, Message = "The record is unavailable ({ExceptionType}): answered 503")]
    public static partial void Unavailable(ILogger log, string exceptionType);
}
