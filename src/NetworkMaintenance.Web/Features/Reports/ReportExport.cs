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
            r.Number, SpreadsheetCsv.DateTime(r.ReceivedAtUtc), r.OpdName, r.ReporterName, Labels.Of(r.Channel), Labels.Of(r.Category),
            Labels.Of(r.Status), r.Location, SlaLabels.Of(reading.State), SlaDisplay.Detail(reading),
        }, Core.Formatting.Wib.FromUtc(r.ReceivedAtUtc));
    });

    /// <summary>The CSV file, written by the app's one CSV writer (<see cref="SpreadsheetCsv"/>).</summary>
    public static byte[] Csv(IEnumerable<Row> rows) => SpreadsheetCsv.Write(Header, rows.Select(r => r.Cells));

    public const string XlsxContentType = SpreadsheetXlsx.ContentType;

    /// <summary>
    /// The workbook, written by the app's one .xlsx writer (<see cref="SpreadsheetXlsx"/>): sheet "Laporan", the header
    /// row, then one row per report. The reception time is a date cell (in WIB), so that Excel sorts and filters it as
    /// a date; the other cells are text, never formulas.
    /// </summary>
    public static byte[] Xlsx(IEnumerable<Row> rows) => SpreadsheetXlsx.Write("Laporan", Header,
        rows.Select(r => r.Cells.Select((cell, c) => c == ReceivedColumn ? (object)r.ReceivedAtWib : cell).ToArray()),
        dateColumns: [ReceivedColumn]);

    public static string FileName(DateTime nowUtc, string extension) =>
        "laporan-" + Core.Formatting.Wib.FromUtc(nowUtc).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + "." + extension;
}
