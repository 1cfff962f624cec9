using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace Hepatica.Cli.Tables;

/// <summary>The formats of <c>--output</c> that make a table (docs/tables.md).</summary>
internal enum TableFormat
{
    /// <summary>RFC 4180 CSV, UTF-8 without a byte order mark, a header row, CRLF line ends.</summary>
    Csv,

    /// <summary>Apache Parquet (Parquet.Net), Snappy-compressed, one row group per <see cref="TableOutput.RowGroupRows"/> rows.</summary>
    Parquet,
}

/// <summary>
/// A write-only stream that takes row lines (<see cref="TableRows"/>: one JSON array per line, cells in
/// <see cref="TableLayout.Columns"/> order) and writes them to <c>inner</c> as CSV or Parquet. The batch writer and
/// the Bulk merge write to it exactly as they write JSON Lines, in the same order. <see cref="CompleteAsync"/> ends the
/// table (Parquet's footer); call it before the output is committed: a table that was not completed is incomplete,
/// and <see cref="SafeOutput"/> then leaves the target as it was.
/// </summary>
internal abstract class TableOutput : Stream
{
    /// <summary>Parquet rows per row group: the cells of one group are buffered (about 20 MB for the full catalog) and Parquet.Net encodes a group at a time; groups stay big enough for DuckDB and Spark to read in parallel.</summary>
    public const int RowGroupRows = 8_192;

    private byte[] carry = new byte[1 << 12];
    private int carried;

    private protected TableOutput(TableLayout layout, Stream inner)
    {
        Layout = layout;
        Inner = inner;
    }

    /// <summary>The columns.</summary>
    protected TableLayout Layout { get; }

    /// <summary>Where the table goes.</summary>
    protected Stream Inner { get; }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>A table of <paramref name="format"/> over <paramref name="inner"/>; <paramref name="metadata"/> goes into Parquet's key-value metadata (CSV has none).</summary>
    public static TableOutput Create(TableFormat format, TableLayout layout, Stream inner, IReadOnlyDictionary<string, string> metadata) => format switch
    {
        TableFormat.Csv => new CsvTableOutput(layout, inner),
        TableFormat.Parquet => new ParquetTableOutput(layout, inner, metadata),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Ends the table: the rows still buffered and, for Parquet, the footer. Nothing may be written after it.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken ct);

    /// <summary>One row line (without its newline).</summary>
    private protected abstract void AddRow(ReadOnlySpan<byte> row);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var newline = buffer.IndexOf((byte)'\n');
            if (newline < 0)
            {
                Carry(buffer);
                return;
            }

            if (carried > 0)
            {
                Carry(buffer[..newline]);
                AddRow(carry.AsSpan(0, carried));
                carried = 0;
            }
            else
            {
                AddRow(buffer[..newline]);
            }

            Rows++;
            buffer = buffer[(newline + 1)..];
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        // Rows are written as they are complete; the table ends with CompleteAsync.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>The part of a row line that arrived without its end.</summary>
    private void Carry(ReadOnlySpan<byte> part)
    {
        if (carried + part.Length > carry.Length)
        {
            Array.Resize(ref carry, Math.Max(carry.Length * 2, carried + part.Length));
        }

        part.CopyTo(carry.AsSpan(carried));
        carried += part.Length;
    }

    /// <summary>Reads the cells of a row line, calling <paramref name="cell"/> with each column index and the reader on its value.</summary>
    private protected void ReadCells(ReadOnlySpan<byte> row, CellReader cell)
    {
        var reader = new Utf8JsonReader(row);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidOperationException("A table row is a JSON array.");
        }

        var column = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            cell(column++, ref reader);
        }

        if (column != Layout.Columns.Count)
        {
            throw new InvalidOperationException($"A table row has {column} cells; the layout has {Layout.Columns.Count} columns.");
        }
    }

    private protected delegate void CellReader(int column, ref Utf8JsonReader value);
}

/// <summary>CSV (RFC 4180): a header row of the column names, then one row per line; empty cells for nulls; numbers as the JSON record writes them.</summary>
internal sealed class CsvTableOutput : TableOutput
{
    private readonly ArrayBufferWriter<byte> line = new(1 << 12);
    private readonly CellReader readCell;

    public CsvTableOutput(TableLayout layout, Stream inner)
        : base(layout, inner)
    {
        readCell = WriteCell;
        for (var i = 0; i < layout.Columns.Count; i++)
        {
            if (i > 0)
            {
                line.Write(","u8);
            }

            WriteText(layout.Columns[i].Name);
        }

        EndLine();
    }

    public override ValueTask CompleteAsync(CancellationToken ct) => ValueTask.CompletedTask;

    private protected override void AddRow(ReadOnlySpan<byte> row)
    {
        ReadCells(row, readCell);
        EndLine();
    }

    private void WriteCell(int column, ref Utf8JsonReader value)
    {
        if (column > 0)
        {
            line.Write(","u8);
        }

        switch (value.TokenType)
        {
            case JsonTokenType.Null:
                break;
            case JsonTokenType.Number:
                line.Write(value.ValueSpan); // the record's own decimal text
                break;
            case JsonTokenType.String:
                WriteText(value.GetString()!);
                break;
            default:
                throw new InvalidOperationException($"A table cell is null, a number or a string, not {value.TokenType}.");
        }
    }

    /// <summary>A text field, in double quotes when it holds a comma, a quote or a line break (quotes doubled).</summary>
    private void WriteText(string text)
    {
        var quote = text.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (quote)
        {
            line.Write("\""u8);
            text = text.Replace("\"", "\"\"", StringComparison.Ordinal);
        }

        var span = line.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        line.Advance(Encoding.UTF8.GetBytes(text, span));
        if (quote)
        {
            line.Write("\""u8);
        }
    }

    private void EndLine()
    {
        line.Write("\r\n"u8);
        Inner.Write(line.WrittenSpan);
        line.ResetWrittenCount();
    }
}

/// <summary>Parquet: cells buffered by column, written as a row group every <see cref="TableOutput.RowGroupRows"/> rows and at the end.</summary>
internal sealed class ParquetTableOutput : TableOutput
{
    private readonly ParquetSchema schema;
    private readonly DataField[] fields;
    private readonly object[] buffers;
    private readonly IReadOnlyDictionary<string, string> metadata;
    private readonly CellReader readCell;
    private ParquetWriter? writer;
    private int buffered;

    public ParquetTableOutput(TableLayout layout, Stream inner, IReadOnlyDictionary<string, string> metadata)
        : base(layout, inner)
    {
        this.metadata = metadata;
        readCell = ReadCell;
        fields = [.. layout.Columns.Select(Field)];
        schema = new ParquetSchema(fields);
        buffers = [.. layout.Columns.Select(c => c.Type switch
        {
            CellType.Text => (object)new string?[RowGroupRows],
            CellType.Integer => new long?[RowGroupRows],
            CellType.Number => new double?[RowGroupRows],
            _ => throw new ArgumentOutOfRangeException(nameof(layout)),
        })];
    }

    private static DataField Field(TableColumn c) => c.Type switch
    {
        CellType.Text => new DataField<string>(c.Name, true),
        CellType.Integer => new DataField<long>(c.Name, true),
        CellType.Number => new DataField<double>(c.Name, true),
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    private protected override void AddRow(ReadOnlySpan<byte> row)
    {
        ReadCells(row, readCell);
        if (++buffered == RowGroupRows)
        {
            // Stream.Write is synchronous (the Bulk merge writes with it); Parquet.Net writes only asynchronously.
            // No synchronization context runs here (a console program), so waiting cannot deadlock.
            WriteRowGroupAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    public override async ValueTask CompleteAsync(CancellationToken ct)
    {
        if (buffered > 0 || writer is null)
        {
            await WriteRowGroupAsync(ct).ConfigureAwait(false); // a table of no rows is still a file with the schema
        }

        await writer!.DisposeAsync().ConfigureAwait(false); // writes the footer
    }

    private async ValueTask WriteRowGroupAsync(CancellationToken ct)
    {
        if (writer is null)
        {
            writer = await ParquetWriter.CreateAsync(schema, Inner, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: ct).ConfigureAwait(false);
            writer.CustomMetadata = new Dictionary<string, string>(metadata);
        }

        using (var group = writer.CreateRowGroup())
        {
            for (var i = 0; i < fields.Length; i++)
            {
                switch (buffers[i])
                {
                    case string?[] text:
                        await group.WriteAsync(fields[i], (IReadOnlyCollection<string>)new ArraySegment<string?>(text, 0, buffered)).ConfigureAwait(false);
                        break;
                    case long?[] whole:
                        await group.WriteAsync<long>(fields[i], whole.AsMemory(0, buffered), cancellationToken: ct).ConfigureAwait(false);
                        break;
                    case double?[] number:
                        await group.WriteAsync<double>(fields[i], number.AsMemory(0, buffered), cancellationToken: ct).ConfigureAwait(false);
                        break;
                }
            }
        }

        foreach (var b in buffers)
        {
            Array.Clear((Array)b, 0, buffered);
        }

        buffered = 0;
    }

    private void ReadCell(int column, ref Utf8JsonReader value)
    {
        var isNull = value.TokenType == JsonTokenType.Null;
        switch (buffers[column])
        {
            case string?[] text:
                text[buffered] = isNull ? null : value.GetString();
                break;
            case long?[] whole:
                whole[buffered] = isNull ? null : value.GetInt64();
                break;
            case double?[] number:
                number[buffered] = isNull ? null : double.Parse(value.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture);
                break;
        }
    }
}
