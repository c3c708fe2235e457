using System.Globalization;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The one .xlsx writer of the app (report list, guest book), written with MiniExcel: one sheet, the header row, then
/// the rows. Cells are text (never formulas), so identifiers (identity numbers, NIP, telephone numbers) keep every
/// digit and a leading 0; the columns named in <c>dateColumns</c> are real date cells that Excel sorts and filters as
/// dates. The file to prefer for people who open exports in Excel (the CSV convention is in <see cref="SpreadsheetCsv"/>).
/// Uploaded .xlsx files (the device import) are read here too (<see cref="ReadRows"/>).
/// </summary>
public static class SpreadsheetXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One sheet of text cells.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Write(sheetName, header, rows.Select(r => r.Cast<object?>().ToArray()), dateColumns: []);

    /// <summary>One sheet: text cells, and <see cref="DateTime"/> values in <paramref name="dateColumns"/> as date cells.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<object?[]> rows,
        IReadOnlyCollection<int> dateColumns)
    {
        using var table = new System.Data.DataTable(sheetName) { Locale = CultureInfo.InvariantCulture };
        for (var c = 0; c < header.Count; c++)
        {
            table.Columns.Add(header[c], dateColumns.Contains(c) ? typeof(DateTime) : typeof(string));
        }
        foreach (var row in rows)
        {
            var values = new object[header.Count];
            for (var c = 0; c < header.Count; c++)
            {
                var cell = c < row.Length ? row[c] : null;
                values[c] = dateColumns.Contains(c)
                    ? cell as DateTime? ?? (object)DBNull.Value
                    : XmlSafe(cell as string ?? "");
            }
            table.Rows.Add(values);
        }
        using var buffer = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(buffer, table, sheetName: sheetName, excelType: MiniExcelLibs.ExcelType.XLSX);
        return buffer.ToArray();
    }

    /// <summary>
    /// The rows of the first sheet of an uploaded .xlsx file, each keyed by its column's header (the first row, trimmed,
    /// compared ignoring case). Dates come back as <c>yyyy-MM-dd</c>, numbers in the invariant culture, empty cells as
    /// <see langword="null"/>.
    /// </summary>
    public static List<Dictionary<string, string?>> ReadRows(Stream file)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        buffer.Position = 0;
        var rows = new List<Dictionary<string, string?>>();
        foreach (IDictionary<string, object?> source in MiniExcelLibs.MiniExcel.Query(buffer, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX))
        {
            var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in source)
            {
                row[key.Trim()] = value switch
                {
                    null => null,
                    DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
            }
            rows.Add(row);
        }
        return rows;
    }

    // XML 1.0 cannot carry most control characters; drop them.
    private static string XmlSafe(string value) =>
        value.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r')) ? new string(value.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray()) : value;
}
