using System.Globalization;
using System.Text;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The one .xlsx writer of the app (report list, guest book): Office Open XML written directly with the BCL's zip
/// support, one sheet, every cell an inline string. So no value is ever evaluated as a formula, and identifiers
/// (identity numbers, NIP, telephone numbers) stay text with every digit and a leading 0: the file to prefer for people
/// who open exports in Excel (the CSV convention is in <see cref="SpreadsheetCsv"/>).
/// </summary>
public static class SpreadsheetXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One sheet named <paramref name="sheetName"/>: the header row, then the rows, every cell an inline string.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry(zip, "xl/workbook.xml", $$"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{{System.Security.SecurityElement.Escape(sheetName)}}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");

            var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            var r = 0;
            foreach (var row in rows.Prepend(header))
            {
                r++;
                sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
                for (var c = 0; c < row.Count; c++)
                {
                    // Inline strings: values are text, never formulas.
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{Column(c)}{r}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .Append(System.Security.SecurityElement.Escape(XmlSafe(row[c] ?? ""))).Append("</t></is></c>");
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
}
