using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Hepatica.Store.Database;

/// <summary>Small ADO.NET helpers: a command in a transaction with <c>@name</c> parameters (both providers accept them).</summary>
internal static class Sql
{
    /// <summary>A command on the transaction's connection with these parameters (null becomes DBNull).</summary>
    public static DbCommand Command(DbTransaction transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        Add(command, parameters);
        return command;
    }

    /// <summary>A command on a connection outside a transaction (reads).</summary>
    public static DbCommand Command(DbConnection connection, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        Add(command, parameters);
        return command;
    }

    /// <summary>Runs a statement; the rows it touched.</summary>
    public static async Task<int> ExecuteAsync(DbTransaction transaction, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(transaction, text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a query; its first value.</summary>
    public static async Task<object?> ScalarAsync(DbTransaction transaction, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(transaction, text, parameters);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts rows with multi-row <c>VALUES</c> statements of at most <paramref name="rowsPerStatement"/> rows, reusing
    /// one command (so one parse) for every statement of the same size: PostgreSQL saves round trips with many rows a
    /// statement; SQLite (one row a statement: its parameter binding looks names up one by one) saves the parse.
    /// <paramref name="tail"/> follows the values (<c>ON CONFLICT ... RETURNING ...</c>); <paramref name="onRow"/> reads
    /// what each statement returns.
    /// </summary>
    public static async Task InsertRowsAsync(
        DbTransaction transaction,
        string head,
        IReadOnlyList<object?[]> rows,
        string tail,
        int rowsPerStatement,
        Action<DbDataReader>? onRow,
        CancellationToken cancellationToken)
    {
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - start);
                var width = rows[start].Length;
                if (command is null || command.Parameters.Count != count * width)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }

                    command = RowsCommand(transaction, head, tail, count, width);
                }

                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < width; c++)
                    {
                        command.Parameters[(r * width) + c].Value = rows[start + r][c] ?? DBNull.Value;
                    }
                }

                if (onRow is null)
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    onRow(reader);
                }
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static DbCommand RowsCommand(DbTransaction transaction, string head, string tail, int count, int width)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(head).Append(" VALUES ");
        for (var r = 0; r < count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                var name = "p" + ((r * width) + c).ToString(CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? "@" : ", @").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(tail).ToString();
        return command;
    }

    private static void Add(DbCommand command, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
