using System.Net;
using System.Text;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Sla;

/// <summary>The officials' list: filters, search, overdue, and the CSV export of exactly the filtered rows.</summary>
public sealed class ReportListFiltersAndCsv(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task FiltersSearchAndTheCsvExportAgree()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(Start));
        var old = await app.ReceiveAsync(Start, FaultCategory.WifiProblem, description: "Access point \"lantai 3\", mati total");
        await app.ToRepairingAsync(old);
        var recent = await app.ReceiveAsync(Start.AddHours(30), FaultCategory.NoInternet, description: "Internet mati di aula");
        var other = await app.ReceiveAsync(Start.AddHours(31), FaultCategory.CableDamage, reporter: "pelapor.dinkes", description: "Kabel FO putus");
        app.At(Start.AddHours(32));
        var number = (int id) => app.QueryAsync(db => Task.FromResult(db.Reports.Where(r => r.Id == id).Select(r => r.Number).Single()));
        var oldNumber = await number(old);

        using var kabid = await WebSession.SignedInAsync(app.Factory, "kabid");
        Assert.Equal(3, Total(await kabid.GetPageAsync("/laporan")));
        Assert.Equal(1, Total(await kabid.GetPageAsync("/laporan?overdue=true")));
        Assert.Equal(1, Total(await kabid.GetPageAsync("/laporan?category=CableDamage")));
        Assert.Equal(1, Total(await kabid.GetPageAsync("/laporan?q=lantai%203")));
        Assert.Equal(1, Total(await kabid.GetPageAsync("/laporan?q=" + oldNumber)));
        var dinkes = await factory.OpdIdAsync("Dinkes");
        Assert.Equal(1, Total(await kabid.GetPageAsync($"/laporan?opdId={dinkes}")));
        var teknisi = await factory.UserIdAsync("teknisi");
        Assert.Equal(1, Total(await kabid.GetPageAsync($"/laporan?technicianId={teknisi}")));
        Assert.Equal(2, Total(await kabid.GetPageAsync("/laporan?from=2026-11-03&to=2026-11-03")));
        var sorted = await kabid.GetPageAsync("/laporan?sort=received_asc");
        Assert.True(sorted.IndexOf(oldNumber, StringComparison.Ordinal) < sorted.IndexOf(await number(other), StringComparison.Ordinal));

        using var response = await kabid.Client.GetAsync(new Uri("/laporan/ekspor.csv?overdue=true", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        // site.js shows the progress from the number of reports; the file is streamed, so it has no Content-Length.
        Assert.Equal(["1"], response.Headers.GetValues("X-Export-Rows"));
        Assert.Null(response.Content.Headers.ContentLength);
        var rows = ParseCsv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.Equal(2, rows.Count);
        Assert.Equal("Nomor", rows[0][0]);
        Assert.Equal(oldNumber, rows[1][0]);
        Assert.Equal("BKD", rows[1][2]);
        Assert.Equal(Labels.Of(ReportStatus.Repairing), rows[1][6]);
        Assert.Equal("Melewati batas", rows[1][8]);

        var all = ParseCsv(Encoding.UTF8.GetString(await (await kabid.GetAsync("/laporan/ekspor.csv")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.Equal(4, all.Count);
        Assert.All(all, r => Assert.Equal(10, r.Length));

        // The Excel export holds the same rows: a workbook whose first sheet has the header and the overdue report.
        using var xlsx = await kabid.GetAsync("/laporan/ekspor.xlsx?overdue=true");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["1"], xlsx.Headers.GetValues("X-Export-Rows"));
        var sheet = ReadSheet(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, sheet.Count);
        Assert.Equal(rows[0], sheet[0]);
        Assert.Equal(rows[1], sheet[1]);
        // The search filter applies to the workbook too: "lantai 3" is only in the old report's description.
        Assert.Equal($"Nomor\n{oldNumber}", await ReadSheetColumnAsync(kabid, "/laporan/ekspor.xlsx?q=lantai%203"));

        // OPD staff neither see the filters nor export.
        using var pelapor = await WebSession.SignedInAsync(app.Factory, "pelapor");
        Assert.DoesNotContain("data-testid=\"filters\"", await pelapor.GetPageAsync("/laporan"));
        using var refused = await pelapor.GetAsync("/laporan/ekspor.csv");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        using var refusedXlsx = await pelapor.GetAsync("/laporan/ekspor.xlsx");
        Assert.NotEqual(HttpStatusCode.OK, refusedXlsx.StatusCode);
        _ = recent;
    }

    /// <summary>
    /// The cells of the only worksheet of an .xlsx file, row by row, read with the Open XML SDK (not the library that
    /// wrote it): text cells as their text, the reception time (a date cell) shown as the CSV shows it.
    /// </summary>
    private static List<string[]> ReadSheet(byte[] xlsx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>()
            .Select(i => i.InnerText).ToList() ?? [];
        return workbook.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c =>
            {
                var type = c.DataType?.Value;
                if (type == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString)
                    return shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
                if (type == DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString) return c.InlineString!.InnerText;
                if (type == DocumentFormat.OpenXml.Spreadsheet.CellValues.String) return c.CellValue?.Text ?? "";
                // A number: the only one is the reception time, a serial date in WIB.
                var wib = DateTime.FromOADate(double.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
                return wib.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            }).ToArray())
            .ToList();
    }

    private static async Task<string> ReadSheetColumnAsync(WebSession session, string url)
    {
        using var response = await session.GetAsync(url);
        return string.Join("\n", ReadSheet(await response.Content.ReadAsByteArrayAsync()).Select(r => r[0]));
    }

    private static int Total(string html)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"total\">(\\d+)<");
        Assert.True(m.Success);
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A small RFC 4180 reader with the app's ';' separator: quoted fields, doubled quotes, CRLF rows.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else field.Append(c);
        }
        return rows;
    }
}
