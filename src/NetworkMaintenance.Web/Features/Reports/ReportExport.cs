using System.Globalization;
using System.Text;
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
            r.Number, Display.Compact(r.ReceivedAtUtc), r.OpdName, r.ReporterName, Labels.Of(r.Channel), Labels.Of(r.Category),
            Labels.Of(r.Status), r.Location, SlaLabels.Of(reading.State), SlaDisplay.Detail(reading),
        };
    });

    /// <summary>The CSV file, written by the app's one CSV writer (<see cref="SpreadsheetCsv"/>).</summary>
    public static byte[] Csv(IEnumerable<string[]> rows) => SpreadsheetCsv.Write(Header, rows);

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Laporan" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");

            var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            var r = 0;
            foreach (var row in rows.Prepend(Header))
            {
                r++;
                sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
                for (var c = 0; c < row.Length; c++)
                {
                    // Inline strings: values are text, never formulas.
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{Column(c)}{r}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .Append(System.Security.SecurityElement.Escape(XmlSafe(row[c]))).Append("</t></is></c>");
                }
                sheet.Append("</row>");
            }
            sheet.Append("</sheetData></worksheet>");
            Entry(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return buffer.ToArray();
    }

    private static void Entry(System.IO.Compression.ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static string Column(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : Column(index / 26 - 1) + (char)('A' + index % 26);

    // XML 1.0 cannot carry most control characters; drop them.
    private static string XmlSafe(string value) =>
        value.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r')) ? new string(value.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray()) : value;

    public static string FileName(DateTime nowUtc, string extension) =>
        "laporan-" + Core.Formatting.Wib.FromUtc(nowUtc).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + "." + extension;
}
