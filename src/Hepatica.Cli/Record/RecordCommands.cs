using System.CommandLine;

namespace Hepatica.Cli.Record;

/// <summary>The longitudinal record's commands (README.md, "The longitudinal record"), for the root command.</summary>
internal static class RecordCommands
{
    /// <summary>ingest, patients, timeline, alerts (with ack and resolve) and erase.</summary>
    public static IReadOnlyList<Command> Create() => [IngestCommand.Create(), PatientsCommand.Create(), TimelineCommand.Create(), AlertsCommand.Create(), EraseCommand.Create()];

    /// <summary>True for <c>ingest</c>: it stops gracefully on Ctrl+C or SIGTERM, after the batch in progress.</summary>
    public static bool StopsGracefully(Command command) => command.Name == "ingest";
}
