using System.Globalization;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Features.Sla;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The filtered report list as CSV (<see cref="SpreadsheetCsv"/>: UTF-8 with BOM, ';', every field quoted) or as an Excel
/// workbook (<see cref="SpreadsheetXlsx"/>: one sheet, the reception time a real date cell in WIB, every other cell
/// text), each streamed from the database to the response: every row of the filter, however many.
/// </summary>
public static class ReportExport
{
    /// <summary>
    /// Response header with the number of reports in the file (counted when the export starts), read by site.js to tell
    /// the user what is coming. The file itself is streamed as its rows are read (<see cref="StreamedFileResult"/>), so
    /// it has no Content-Length: there is no row cap and nothing holds the whole file.
    /// </summary>
    public const string RowsHeader = "X-Export-Rows";

    public static readonly string[] Header =
        ["Nomor", "Diterima (WIB)", "OPD", "Pelapor", "Saluran", "Kategori", "Status", "Lokasi", "Waktu layanan", "Keterangan waktu"];

    /// <summary>The column of <see cref="Header"/> holding the reception time (a date cell in the workbook).</summary>
    public const int ReceivedColumn = 1;

    /// <summary>One report of the export: its cells as text (the CSV) and its reception time in WIB (the workbook's date cell).</summary>
    public sealed record Row(IReadOnlyList<string> Cells, DateTime ReceivedAtWib);

    public static IEnumerable<Row> Rows(IEnumerable<ReportListRow> rows, SlaClock sla) => rows.Select(r => ToRow(r, sla));

    public static IAsyncEnumerable<Row> Rows(IAsyncEnumerable<ReportListRow> rows, SlaClock sla) => rows.Select(r => ToRow(r, sla));

    private static Row ToRow(ReportListRow r, SlaClock sla)
    {
        var reading = sla.Read(r.SlaFacts);
        return new Row(new[]
        {
            r.Number, SpreadsheetCsv.DateTime(r.ReceivedAtUtc), r.OpdName, r.ReporterName, Labels.Of(r.Channel), Labels.Of(r.Category),
            Labels.Of(r.Status), r.Location, SlaLabels.Of(reading.State), SlaDisplay.Detail(reading),
        }, Core.Formatting.Wib.FromUtc(r.ReceivedAtUtc));
    }

    /// <summary>The CSV file in memory, written by the app's one CSV writer (<see cref="SpreadsheetCsv"/>).</summary>
    public static byte[] Csv(IEnumerable<Row> rows) => SpreadsheetCsv.Write(Header, rows.Select(r => r.Cells));

    /// <summary>The CSV file streamed to <paramref name="destination"/> as the rows arrive; returns the rows written.</summary>
    public static Task<long> CsvAsync(Stream destination, IAsyncEnumerable<Row> rows, CancellationToken ct) =>
        SpreadsheetCsv.WriteAsync(destination, Header, rows.Select(r => r.Cells), ct: ct);

    public const string XlsxContentType = SpreadsheetXlsx.ContentType;

    /// <summary>
    /// The workbook in memory, written by the app's one .xlsx writer (<see cref="SpreadsheetXlsx"/>): sheet "Laporan",
    /// the header row, then one row per report. The reception time is a date cell (in WIB), so that Excel sorts and
    /// filters it as a date; the other cells are text, never formulas.
    /// </summary>
    public static Task<byte[]> XlsxAsync(IEnumerable<Row> rows) =>
        SpreadsheetXlsx.WriteAsync(SheetName, Header, rows.Select(Cells), dateColumns: [ReceivedColumn]);

    /// <summary>The same workbook streamed to <paramref name="destination"/> as the rows arrive; returns the rows written.</summary>
    public static Task<long> XlsxAsync(Stream destination, IAsyncEnumerable<Row> rows, CancellationToken ct) =>
        SpreadsheetXlsx.WriteAsync(destination, SheetName, Header, rows.Select(Cells), dateColumns: [ReceivedColumn], ct);

    private const string SheetName = "Laporan";

    private static object?[] Cells(Row r)
    {
        var cells = new object?[r.Cells.Count];
        for (var c = 0; c < cells.Length; c++) cells[c] = c == ReceivedColumn ? r.ReceivedAtWib : r.Cells[c];
        return cells;
    }

    public static string FileName(DateTime nowUtc, string extension) =>
        "laporan-" + Core.Formatting.Wib.FromUtc(nowUtc).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + "." + extension;
}
