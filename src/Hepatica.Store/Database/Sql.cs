using System.Data.Common;

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
