using System.Globalization;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The one .xlsx writer of the app (report list, guest book), written with MiniExcel: one sheet, the header row, then
/// the rows. Cells are text (never formulas), so identifiers (identity numbers, NIP, telephone numbers) keep every
/// digit and a leading 0; the columns named in <c>dateColumns</c> are real date cells that Excel sorts and filters as
/// dates. The file to prefer for people who open exports in Excel (the CSV convention is in <see cref="SpreadsheetCsv"/>).
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

    // XML 1.0 cannot carry most control characters; drop them.
    private static string XmlSafe(string value) =>
        value.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r')) ? new string(value.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray()) : value;
}
