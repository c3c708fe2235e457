using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The one .xlsx writer of the app (report list, guest book): one sheet, the header row, then the rows. Cells are
/// inline text (never formulas), so identifiers (identity numbers, NIP, telephone numbers) keep every digit and a
/// leading 0; the columns named in <c>dateColumns</c> are real date cells (<c>yyyy-mm-dd hh:mm</c>) that Excel sorts
/// and filters as dates. The file to prefer for people who open exports in Excel (the CSV convention is in
/// <see cref="SpreadsheetCsv"/>).
/// <para>
/// Written <b>streaming</b> (issue #18 point 4): the workbook's few fixed parts and then the sheet, row by row, through
/// an <see cref="XmlWriter"/> into a ZIP entry (<see cref="ZipArchive"/>), whose compressed bytes are passed on to the
/// response asynchronously every 64 KB, so memory stays flat whatever the row count and nothing is written to the
/// response synchronously (Kestrel forbids it; even .NET 10's ZIP entry streams flush synchronously when disposed). Neither
/// library the app had could do this: MiniExcel's <c>SaveAsAsync</c> writes the ZIP's central directory synchronously
/// on dispose (MiniExcel issue 904), and the Open XML SDK keeps each part in memory until the package is saved
/// (.NET runtime issue 1544). The sheet holds no shared-string table (each cell carries its text) and no
/// <c>dimension</c> element (optional), so nothing needs to be known before the last row.
/// </para>
/// Uploaded .xlsx files (the device import) are read with MiniExcel (<see cref="ReadRows"/>).
/// </summary>
public static class SpreadsheetXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Style 1 of <see cref="Styles"/>: a date and time as <c>yyyy-mm-dd hh:mm</c> (the CSV's format).</summary>
    private const string DateStyle = "1";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private const string WorkbookRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";

    private const string Styles =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    /// <summary>Style 2 of <see cref="Styles"/>: bold, for the header row.</summary>
    private const string HeaderStyle = "2";

    /// <summary>One sheet of text cells, in memory (small files and tests; exports stream with <see cref="WriteAsync"/>).</summary>
    public static Task<byte[]> WriteAsync(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        WriteAsync(sheetName, header, rows.Select(r => r.Cast<object?>().ToArray()), dateColumns: []);

    /// <summary>One sheet, in memory: text cells, and <see cref="DateTime"/> values in <paramref name="dateColumns"/> as date cells.</summary>
    public static async Task<byte[]> WriteAsync(string sheetName, IReadOnlyList<string> header, IEnumerable<object?[]> rows,
        IReadOnlyCollection<int> dateColumns)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, sheetName, header, rows.ToAsyncEnumerable(), dateColumns);
        return buffer.ToArray();
    }

    /// <summary>
    /// The workbook written to <paramref name="destination"/> (a response body) as the rows arrive: text cells, and
    /// <see cref="DateTime"/> values in <paramref name="dateColumns"/> as date cells. Returns the number of rows written
    /// (the header not counted).
    /// </summary>
    public static async Task<long> WriteAsync(Stream destination, string sheetName, IReadOnlyList<string> header,
        IAsyncEnumerable<object?[]> rows, IReadOnlyCollection<int> dateColumns, CancellationToken ct = default)
    {
        var isDate = new bool[header.Count];
        foreach (var c in dateColumns) isDate[c] = true;
        var columns = Enumerable.Range(0, header.Count).Select(ColumnName).ToArray();
        var count = 0L;
        // The ZIP and XML writers write synchronously (even a ZIP entry's DisposeAsync does), so they write into this
        // buffer, which is sent on asynchronously whenever it holds a chunk's worth, and at the end.
        using var pending = new PendingBytes();
        using (var zip = new ZipArchive(pending, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes);
            Part(zip, "_rels/.rels", PackageRelationships);
            Part(zip, "xl/workbook.xml",
                $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{RelationshipNs}"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Part(zip, "xl/styles.xml", Styles);
            await pending.SendAsync(destination, ct).ConfigureAwait(false);

            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            using (var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false }))
            {
                xml.WriteStartDocument(standalone: true);
                xml.WriteStartElement("worksheet", Main);
                xml.WriteStartElement("sheetData", Main);
                var rowNumber = 1L;
                Row(xml, rowNumber, columns, header.Cast<object?>().ToArray(), new bool[header.Count], HeaderStyle);
                await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
                {
                    Row(xml, ++rowNumber, columns, row, isDate, null);
                    count++;
                    if (pending.Length >= SpreadsheetCsv.StreamBufferSize) await pending.SendAsync(destination, ct).ConfigureAwait(false);
                }
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndDocument();
            }
        }
        await pending.SendAsync(destination, ct).ConfigureAwait(false);
        await destination.FlushAsync(ct).ConfigureAwait(false);
        return count;
    }

    private static void Row(XmlWriter xml, long number, string[] columns, object?[] cells, bool[] isDate, string? style)
    {
        var r = number.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", r);
        for (var c = 0; c < columns.Length; c++)
        {
            var cell = c < cells.Length ? cells[c] : null;
            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", columns[c] + r);
            if (isDate[c])
            {
                xml.WriteAttributeString("s", DateStyle);
                if (cell is DateTime date) xml.WriteElementString("v", Main, date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                // Inline text: never a formula, whatever it starts with.
                if (style is not null) xml.WriteAttributeString("s", style);
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", Main);
                xml.WriteStartElement("t", Main);
                var text = XmlSafe(cell as string ?? "");
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                }
                xml.WriteString(text);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        part.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>
    /// A write-only, unseekable stream that keeps what is written until <see cref="SendAsync"/> passes it on (so the ZIP
    /// writer uses data descriptors and never seeks back): the bytes between two sends, never the file.
    /// </summary>
    private sealed class PendingBytes : Stream
    {
        private readonly MemoryStream _buffer = new();
        private long _sent;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _buffer.Length;
        public override long Position { get => _sent + _buffer.Length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);

        public async Task SendAsync(Stream destination, CancellationToken ct)
        {
            if (_buffer.Length == 0) return;
            await destination.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct).ConfigureAwait(false);
            _sent += _buffer.Length;
            _buffer.SetLength(0);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _buffer.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>A column's letters: 0 is A, 25 is Z, 26 is AA.</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
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
