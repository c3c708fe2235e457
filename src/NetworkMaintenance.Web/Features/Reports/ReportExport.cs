using System.Globalization;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Features.Sla;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The filtered report list as CSV (<see cref="SpreadsheetCsv"/>: UTF-8 with BOM, ';', every field quoted) or as an Excel
/// workbook (.xlsx written by MiniExcel: one sheet, the reception time a real date cell in WIB, every other cell text).
/// </summary>
public static class ReportExport
{
    public const int MaxRows = 100_000;

    /// <summary>
    /// Response header with the number of reports in the file, read by site.js to tell the user what is coming; the
    /// file itself is sent with its Content-Length, so the download's progress is exact.
    /// </summary>
    public const string RowsHeader = "X-Export-Rows";

    public static readonly string[] Header =
        ["Nomor", "Diterima (WIB)", "OPD", "Pelapor", "Saluran", "Kategori", "Status", "Lokasi", "Waktu layanan", "Keterangan waktu"];

    /// <summary>The column of <see cref="Header"/> holding the reception time (a date cell in the workbook).</summary>
    public const int ReceivedColumn = 1;

    /// <summary>One report of the export: its cells as text (the CSV) and its reception time in WIB (the workbook's date cell).</summary>
    public sealed record Row(IReadOnlyList<string> Cells, DateTime ReceivedAtWib);

    public static IEnumerable<Row> Rows(IEnumerable<ReportListRow> rows, SlaClock sla) => rows.Select(r =>
    {
        var reading = sla.Read(r.SlaFacts);
        return new Row(new[]
        {
            r.Number, Display.Compact(r.ReceivedAtUtc), r.OpdName, r.ReporterName, Labels.Of(r.Channel), Labels.Of(r.Category),
            Labels.Of(r.Status), r.Location, SlaLabels.Of(reading.State), SlaDisplay.Detail(reading),
        }, Core.Formatting.Wib.FromUtc(r.ReceivedAtUtc));
    });

    /// <summary>The CSV file, written by the app's one CSV writer (<see cref="SpreadsheetCsv"/>).</summary>
    public static byte[] Csv(IEnumerable<Row> rows) => SpreadsheetCsv.Write(Header, rows.Select(r => r.Cells));

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The workbook: sheet "Laporan", the header row, then one row per report. The reception time is a date cell (a
    /// serial number with a date format, in WIB), so that Excel sorts and filters it as a date; the other cells are
    /// text, never formulas.
    /// </summary>
    public static byte[] Xlsx(IEnumerable<Row> rows)
    {
        using var table = new System.Data.DataTable("Laporan") { Locale = CultureInfo.InvariantCulture };
        for (var c = 0; c < Header.Length; c++)
        {
            table.Columns.Add(Header[c], c == ReceivedColumn ? typeof(DateTime) : typeof(string));
        }
        foreach (var row in rows)
        {
            var values = new object[Header.Length];
            for (var c = 0; c < Header.Length; c++)
            {
                values[c] = c == ReceivedColumn ? row.ReceivedAtWib : XmlSafe(row.Cells[c]);
            }
            table.Rows.Add(values);
        }
        using var buffer = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(buffer, table, sheetName: "Laporan", excelType: MiniExcelLibs.ExcelType.XLSX);
        return buffer.ToArray();
    }

    // XML 1.0 cannot carry most control characters; drop them.
    private static string XmlSafe(string value) =>
        value.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r')) ? new string(value.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray()) : value;

    public static string FileName(DateTime nowUtc, string extension) =>
        "laporan-" + Core.Formatting.Wib.FromUtc(nowUtc).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + "." + extension;
}
