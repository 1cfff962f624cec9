using System.Globalization;
using DuckDB.NET.Data;

namespace Hepatica.Cli.Tests.Tables;

/// <summary>DuckDB in memory: the independent reader the table tests read Parquet and CSV back with.</summary>
internal static class Duck
{
    /// <summary>Every row of <paramref name="sql"/>, as column name to value (null for SQL NULL).</summary>
    public static List<Dictionary<string, object?>> Rows(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The one value of a one-row, one-column query.</summary>
    public static object? Scalar(string sql) => Rows(sql).Single().Values.Single();

    /// <summary>The column names and DuckDB types of a query, in order.</summary>
    public static List<(string Name, string Type)> Columns(string source) =>
        [.. Rows($"DESCRIBE SELECT * FROM {source}").Select(r => ((string)r["column_name"]!, (string)r["column_type"]!))];

    /// <summary>A SQL string literal of a path.</summary>
    public static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A cell as the JSON record or the CSV would write it: numbers without trailing zeros (shortest round trip).</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
