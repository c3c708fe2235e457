using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Exports;

/// <summary>
/// Issue #18 point 4: the exports are streamed from the database to the response, every row of the filter and no cap,
/// read back with the libraries people's programs stand for (CsvHelper for the CSV, MiniExcel and the Open XML SDK for
/// the workbook). That a response is streamed is checked structurally: it is sent without a Content-Length (over a
/// real socket: chunked), i.e. the server started sending before it knew the file's size.
/// </summary>
public sealed class StreamedExports(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheReportListExportsStreamTheFilteredRowsWithTheirHeaders()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(Start));
        var bkd = await app.ReceiveAsync(Start, FaultCategory.WifiProblem, description: "=1+1 access point");
        var dinkes = await app.ReceiveAsync(Start.AddHours(2), FaultCategory.CableDamage, reporter: "pelapor.dinkes", description: "Kabel FO putus");
        var third = await app.ReceiveAsync(Start.AddHours(3), FaultCategory.NoInternet, description: "Internet mati");
        app.At(Start.AddHours(4));
        var numbers = await app.QueryAsync(db => Task.FromResult(db.Reports.ToDictionary(r => r.Id, r => r.Number)));
        var dinkesOpd = await factory.OpdIdAsync("Dinkes");

        using var kabid = await WebSession.SignedInAsync(app.Factory, "kabid");

        // Everything, newest first, as CSV: the header, then every row, nothing else.
        using (var all = await Streamed(kabid, "/laporan/ekspor.csv"))
        {
            Assert.Equal(HttpStatusCode.OK, all.StatusCode);
            Assert.Null(all.Content.Headers.ContentLength);
            Assert.Equal(["3"], all.Headers.GetValues(ReportExport.RowsHeader));
            Assert.Matches(@"^laporan-\d{8}-\d{4}\.csv$", all.Content.Headers.ContentDisposition!.FileNameStar);
            var rows = SpreadsheetCsv.ReadRows(await all.Content.ReadAsStreamAsync());
            Assert.Equal([numbers[third], numbers[dinkes], numbers[bkd]], rows.Select(r => r["Nomor"]));
            Assert.Equal(ReportExport.Header, rows[0].Keys);
            Assert.Equal("Dinkes", rows[1]["OPD"]);
            Assert.Equal(Labels.Of(FaultCategory.CableDamage), rows[1]["Kategori"]);
            Assert.Equal(SpreadsheetCsv.DateTime(Start.AddHours(2)), rows[1]["Diterima (WIB)"]);
        }

        // A filter applies: the OPD filter leaves Dinkes's report, in CSV and in the workbook alike.
        using (var filtered = await kabid.GetAsync($"/laporan/ekspor.csv?opdId={dinkesOpd}"))
        {
            Assert.Equal(["1"], filtered.Headers.GetValues(ReportExport.RowsHeader));
            Assert.Equal([numbers[dinkes]], SpreadsheetCsv.ReadRows(await filtered.Content.ReadAsStreamAsync()).Select(r => r["Nomor"]));
        }
        using (var workbook = await Streamed(kabid, $"/laporan/ekspor.xlsx?category={FaultCategory.WifiProblem}"))
        {
            Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
            Assert.Null(workbook.Content.Headers.ContentLength);
            Assert.Equal(SpreadsheetXlsx.ContentType, workbook.Content.Headers.ContentType!.ToString());
            Assert.Matches(@"^laporan-\d{8}-\d{4}\.xlsx$", workbook.Content.Headers.ContentDisposition!.FileNameStar);
            // Read back with MiniExcel: the Indonesian header, the one report, the reception time a date cell, and the
            // description's formula-like text kept as the text it was (a cell of text, never a formula).
            var sheet = SpreadsheetXlsx.ReadRows(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()));
            var row = Assert.Single(sheet);
            Assert.Equal(ReportExport.Header, row.Keys);
            Assert.Equal(numbers[bkd], row["Nomor"]);
            Assert.Equal(Core.Formatting.Wib.FromUtc(Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row["Diterima (WIB)"]);
            Assert.Equal("BKD", row["OPD"]);
        }

        // OPD staff may not export at all.
        using var pelapor = await WebSession.SignedInAsync(app.Factory, "pelapor");
        using var refused = await pelapor.GetAsync("/laporan/ekspor.csv");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(numbers[bkd], await refused.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The response as soon as its headers are in (HttpClient would otherwise buffer the body and compute a length):
    /// a streamed export has no Content-Length.
    /// </summary>
    private static Task<HttpResponseMessage> Streamed(WebSession session, string url) =>
        session.Client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

    /// <summary>
    /// More audit entries than the export's former in-memory cap (100,000), exported over a real socket from the app
    /// running as its own process: the response is chunked (no Content-Length) and holds every entry of the log.
    /// </summary>
    [Fact]
    public async Task TheAuditLogExportStreamsEveryEntryBeyondTheFormerCap()
    {
        const int Added = 100_500;
        var directory = Path.Combine(Path.GetTempPath(), "nm-it-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var app = await AppProcess.StartAsync(directory);
            await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
            {
                await connection.OpenAsync();
                await using var insert = connection.CreateCommand();
                insert.CommandText = """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
                    INSERT INTO AuditEntries (AtUtc, EventType, Summary, ObjectType, ObjectId)
                    SELECT strftime('%Y-%m-%d %H:%M:%f', '2026-01-01', '+' || i || ' seconds'), 'report.viewed',
                           'Entri uji ' || i, 'Report', CAST(i AS TEXT) FROM n
                    """;
                insert.Parameters.AddWithValue("$count", Added);
                Assert.Equal(Added, await insert.ExecuteNonQueryAsync());
            }

            using var admin = WebSession.ForAddress(app.BaseAddress);
            await admin.LoginAsAsync("admin");
            using var response = await admin.Client.GetAsync(new Uri("/admin/audit/ekspor.csv", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.TransferEncodingChunked, "The export is sent chunked.");
            Assert.Null(response.Content.Headers.ContentLength);
            Assert.Matches(@"^log-audit-\d{8}-\d{4}\.csv$", response.Content.Headers.ContentDisposition!.FileNameStar);
            var rows = SpreadsheetCsv.ReadRows(await response.Content.ReadAsStreamAsync());

            long inLog;
            await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
            {
                await connection.OpenAsync();
                await using var count = connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM AuditEntries";
                inLog = (long)(await count.ExecuteScalarAsync())!;
            }
            Assert.True(rows.Count > Added, $"{rows.Count} rows");
            Assert.Equal(inLog, rows.Count);
            Assert.Equal(Web.Features.Audit.AuditSearch.CsvHeader, rows[0].Keys);
            Assert.Equal(Added, rows.Count(r => r["Ringkasan"]!.StartsWith("Entri uji ", StringComparison.Ordinal)));
            // Newest first: the export's own entry (written before the file) heads it.
            Assert.Equal(Core.Domain.Audit.AuditEvents.ExportDownloaded, rows[0]["Kode kejadian"]);
            Assert.Equal("Entri uji 1", rows[^1]["Ringkasan"]);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
