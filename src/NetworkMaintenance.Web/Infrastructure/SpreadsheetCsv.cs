using System.Globalization;
using System.Text;
using CsvHelper;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The one CSV writer of the app (report list, guest book, audit log), for the spreadsheet programs people open the
/// files with. The convention, the same for every export:
/// <list type="bullet">
/// <item>UTF-8 with a byte-order mark (Excel reads the accents correctly only with it);</item>
/// <item><c>;</c> as the separator: Excel with Indonesian regional settings uses <c>;</c> as its list separator
/// (the decimal separator is <c>,</c>) and opens such a file by double-click into columns;</item>
/// <item>every field quoted, quotes doubled, CRLF line ends (RFC 4180 apart from the separator);</item>
/// <item>dates and times in WIB as <c>yyyy-MM-dd HH:mm</c> (<see cref="DateTime(System.DateTime)"/>; the audit log adds
/// the seconds), which spreadsheets read as dates;</item>
/// <item>formula triggers neutralised: a cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return gets a leading <c>'</c>, and so does the text right after a <c>,</c>, <c>;</c>, tab or line break inside a
/// cell, so that the cell stays text even when a program splits it at another separator or ignores the quotes
/// (<c>Gedung;=1+1;</c> is written <c>"Gedung;'=1+1;"</c>);</item>
/// <item>identifiers kept as text: in the columns the caller names as identifiers (identity numbers, NIP, telephone
/// numbers), a value made of digits only is written as the text formula <c>="3276012345678901"</c>, which Excel and
/// LibreOffice show as the digits, as text: a 16-digit NIK is not rounded to 3,27601E+15 and a leading 0 is kept.
/// A value with anything but digits is text already and follows the rule above. Nothing else is ever written as a
/// formula, and only digits can be inside one.</item>
/// </list>
/// The .xlsx exports (<see cref="SpreadsheetXlsx"/>, MiniExcel) write text cells and real date cells, never formulas, so
/// there identifiers are text without any of this; they are the better choice for people who open the file in Excel.
/// Written with CsvHelper; the neutralising is ours, since CsvHelper's injection option looks at a field's first
/// character only. Uploaded CSV files (the device import) are read here too (<see cref="ReadRows"/>).
/// </summary>
public static class SpreadsheetCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Dates and times in every export: WIB as <c>2026-11-29 09:00</c>, which spreadsheets read as a date.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    /// <summary>A UTC instant as the exports write it (<see cref="DateTimeFormat"/>, WIB).</summary>
    public static string DateTime(DateTime utc) =>
        Core.Formatting.Wib.FromUtc(utc).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private const string Triggers = "=+-@\t\r";
    private const string Breaks = ",;\t\r\n";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';',
        NewLine = "\r\n",
        Quoting = CsvQuoting.Always,
        Injection = CsvInjection.None,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>
    /// The file: BOM, the header row, then the rows. <paramref name="identifierColumns"/> names the columns (by their
    /// header) whose all-digit values are kept as text (<see cref="AsText"/>).
    /// </summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows,
        IReadOnlyCollection<string>? identifierColumns = null)
    {
        var identifiers = Identifiers(header, identifierColumns);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            WriteRow(csv, header, new bool[header.Count]);
            foreach (var row in rows)
            {
                WriteRow(csv, row, identifiers);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The same file written to <paramref name="destination"/> (a response body) as the rows arrive: CsvHelper's buffer
    /// (64 KB) is written out asynchronously whenever it is mostly full, so memory stays flat whatever the row count and
    /// the first bytes leave before the last row is read. Returns the number of rows written (the header not counted).
    /// </summary>
    public static async Task<long> WriteAsync(Stream destination, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows,
        IReadOnlyCollection<string>? identifierColumns = null, CancellationToken ct = default)
    {
        var identifiers = Identifiers(header, identifierColumns);
        var count = 0L;
        var csv = CsvWriter.Create(destination, Options with { BufferSize = StreamBufferSize }, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            WriteFields(csv, header, new bool[header.Count]);
            await csv.EndRecordAsync(ct).ConfigureAwait(false);
            await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                WriteFields(csv, row, identifiers);
                await csv.EndRecordAsync(ct).ConfigureAwait(false);
                count++;
            }
            await csv.FlushAsync(ct).ConfigureAwait(false);
        }
        return count;
    }

    /// <summary>The size of the buffer a streamed export fills before writing it to the response.</summary>
    public const int StreamBufferSize = 64 * 1024;

    private static bool[] Identifiers(IReadOnlyList<string> header, IReadOnlyCollection<string>? identifierColumns)
    {
        var identifiers = new bool[header.Count];
        foreach (var name in identifierColumns ?? [])
        {
            var index = header.ToList().IndexOf(name);
            if (index < 0) throw new ArgumentException($"No column \"{name}\" in the header.", nameof(identifierColumns));
            identifiers[index] = true;
        }
        return identifiers;
    }

    private static void WriteRow(CsvWriter csv, IReadOnlyList<string?> row, bool[] identifiers)
    {
        WriteFields(csv, row, identifiers);
        csv.EndRecord();
    }

    private static void WriteFields(CsvWriter csv, IReadOnlyList<string?> row, bool[] identifiers)
    {
        for (var i = 0; i < row.Count; i++)
        {
            var field = row[i] ?? "";
            csv.WriteField(i < identifiers.Length && identifiers[i] ? AsText(field) : Neutralise(field));
        }
    }

    /// <summary>
    /// An identifier's cell: <c>="…"</c> around a value of digits only (so a spreadsheet keeps every digit, as text),
    /// otherwise the value neutralised as any other cell.
    /// </summary>
    public static string AsText(string value) =>
        value.Length > 0 && value.All(char.IsAsciiDigit) ? "=\"" + value + "\"" : Neutralise(value);

    /// <summary>The identifier a cell written by <see cref="AsText"/> holds (for reading a file back).</summary>
    public static string FromText(string cell) =>
        cell.Length > 3 && cell.StartsWith("=\"", StringComparison.Ordinal) && cell.EndsWith('"') ? cell[2..^1] : cell;

    /// <summary>The text of a cell with every formula trigger made literal (see the class summary).</summary>
    public static string Neutralise(string value)
    {
        if (value.Length == 0) return value;
        StringBuilder? safe = null;
        for (var i = 0; i < value.Length; i++)
        {
            var startsPart = i == 0 || Breaks.Contains(value[i - 1], StringComparison.Ordinal);
            if (startsPart && Triggers.Contains(value[i], StringComparison.Ordinal))
            {
                safe ??= new StringBuilder(value, 0, i, value.Length + 8);
                safe.Append('\'');
            }
            safe?.Append(value[i]);
        }
        return safe?.ToString() ?? value;
    }

    /// <summary>
    /// The rows of an uploaded CSV file, each keyed by its column's header (trimmed, compared ignoring case): UTF-8 with
    /// or without a byte-order mark, the separator (<c>;</c> or <c>,</c>, also tab or <c>|</c>) detected from the
    /// file, quoted fields with doubled quotes and line breaks. A cell past the end of a short row is <see langword="null"/>;
    /// an empty line is a row of empty cells, so that the rows keep their numbers in the file.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not readable as CSV (e.g. an unclosed quote).</exception>
    public static List<Dictionary<string, string?>> ReadRows(Stream file)
    {
        using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var options = CsvReaderOptions.Default with { MalformedData = CsvMalformedDataHandling.Throw, HasHeader = true, SkipEmptyLines = false };
        var rows = new List<Dictionary<string, string?>>();
        try
        {
            using var csv = CsvReader.Create(text, options, leaveOpen: true);
            var header = csv.Headers.Select(h => h.Trim()).ToList();
            while (csv.Read())
            {
                var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < header.Count; c++) row[header[c]] = c < csv.FieldCount ? csv.GetString(c) : null;
                rows.Add(row);
            }
        }
        catch (CsvFormatException ex)
        {
            throw new InvalidDataException("The CSV file is malformed.", ex);
        }
        return rows;
    }
}
