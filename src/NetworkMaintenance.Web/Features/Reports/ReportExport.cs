using System.Globalization;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Features.Sla;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The filtered report list as CSV (<see cref="SpreadsheetCsv"/>: UTF-8 with BOM, ';', every field quoted) or as an Excel
/// workbook (.xlsx: Office Open XML written directly, one sheet of inline strings, no library needed).
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

    public static IEnumerable<string[]> Rows(IEnumerable<ReportListRow> rows, SlaClock sla) => rows.Select(r =>
    {
        var reading = sla.Read(r.SlaFacts);
        return new[]
        {
            r.Number, SpreadsheetCsv.DateTime(r.ReceivedAtUtc), r.OpdName, r.ReporterName, Labels.Of(r.Channel), Labels.Of(r.Category),
            Labels.Of(r.Status), r.Location, SlaLabels.Of(reading.State), SlaDisplay.Detail(reading),
        };
    });

    /// <summary>The CSV file, written by the app's one CSV writer (<see cref="SpreadsheetCsv"/>).</summary>
    public static byte[] Csv(IEnumerable<string[]> rows) => SpreadsheetCsv.Write(Header, rows);

    public const string XlsxContentType = SpreadsheetXlsx.ContentType;

    /// <summary>The Excel workbook, written by the app's one .xlsx writer (<see cref="SpreadsheetXlsx"/>).</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows) => SpreadsheetXlsx.Write("Laporan", Header, rows);

    public static string FileName(DateTime nowUtc, string extension) =>
        "laporan-" + Core.Formatting.Wib.FromUtc(nowUtc).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + "." + extension;
}
