using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Faults;

/// <summary>
/// Filing commits the report, its number and its receipt's number and snapshot in one transaction; the receipt's PDF
/// is rendered after the commit (docs/documents.md, "Rendered after the commit"). The real app process is held right
/// after the commit of several filings (Testing:HoldAfterCommitFile) and killed with SIGKILL there: started again, it
/// renders every receipt the crash left pending, exactly once, under the report's own number.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class FilingCrash : IDisposable
{
    private const int Filings = 4;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "nm-filing-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ReceiptsLeftPendingByASigkillAfterTheCommitAreRenderedOnceAtTheNextStart()
    {
        Directory.CreateDirectory(_dataDirectory);
        var held = Path.Combine(_dataDirectory, "held-after-commit.txt");

        using (var app = await AppProcess.StartAsync(_dataDirectory, ("Testing:HoldAfterCommitFile", held)))
        {
            var sessions = new List<WebSession>();
            var posts = new List<Task>();
            foreach (var user in new[] { "pelapor", "pelapor.dinkes" })
            {
                var session = WebSession.ForAddress(app.BaseAddress);
                sessions.Add(session);
                await session.LoginAsAsync(user);
                var token = WebPageHelpers.GetRequestVerificationToken(await session.GetPageAsync("/laporan/baru"), "/laporan/baru");
                for (var i = 0; i < Filings / 2; i++) posts.Add(FileAsync(session, token, i));
            }

            // Every filing committed and is held before its receipt is rendered: then the process is killed.
            var watch = Stopwatch.StartNew();
            while (HeldCount(held) < Filings && watch.Elapsed < TimeSpan.FromSeconds(120) && !app.HasExited) await Task.Delay(50);
            Assert.Equal(Filings, HeldCount(held));
            app.Kill();
            foreach (var post in posts)
            {
                // The held requests never answer: the process is gone.
                await Assert.ThrowsAnyAsync<Exception>(() => post);
            }
            foreach (var session in sessions) session.Dispose();
        }

        var heldNumbers = File.ReadAllLines(held).Where(l => l.Length > 0).ToList();
        await using (var db = Open())
        {
            // The crash came between the commit and the render: the reports and their receipts' records are there,
            // the files are not, and the outbox says so.
            var receipts = await db.IssuedDocuments.AsNoTracking().Where(d => d.Type == DocumentType.Receipt).ToListAsync();
            Assert.Equal(heldNumbers.Order(), receipts.Select(d => d.Number).Order());
            Assert.All(receipts, d => Assert.True(d.IsPendingRendering));
            Assert.Equal(receipts.Select(d => d.Id).Order(),
                (await db.PendingDocumentRenders.AsNoTracking().Select(p => p.IssuedDocumentId).ToListAsync()).Order());
        }

        using (var restarted = await AppProcess.StartAsync(_dataDirectory))
        {
            var watch = Stopwatch.StartNew();
            while (await PendingCountAsync() > 0 && watch.Elapsed < TimeSpan.FromSeconds(120)) await Task.Delay(100);

            await using (var db = Open())
            {
                Assert.Empty(await db.PendingDocumentRenders.AsNoTracking().ToListAsync());
                var reports = await db.Reports.AsNoTracking().Select(r => new { r.Id, r.Number }).ToListAsync();
                Assert.Equal(heldNumbers.Order(), reports.Select(r => r.Number).Order());
                var documents = await db.IssuedDocuments.AsNoTracking().ToListAsync();
                foreach (var report in reports)
                {
                    // Exactly one receipt per report, under the report's number, rendered and registered once.
                    var receipt = Assert.Single(documents, d => d.ReportId == report.Id);
                    Assert.Equal(DocumentType.Receipt, receipt.Type);
                    Assert.Equal(report.Number, receipt.Number);
                    Assert.Equal(1, receipt.Version);
                    Assert.False(receipt.IsPendingRendering);
                    Assert.NotEmpty(receipt.Pdf);
                    Assert.Equal(IssuedDocument.HashOf(receipt.Pdf), receipt.Sha256);
                }
            }

            // The receipt served is the rendered file, naming its report; and a report filed now has its receipt
            // downloadable at once and rendered once (by the download or the background renderer, whichever came first).
            using var kadis = WebSession.ForAddress(restarted.BaseAddress);
            await kadis.LoginAsAsync("kadis");
            await using (var db = Open())
            {
                var first = await db.IssuedDocuments.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.ReportId, d.Number }).FirstAsync();
                using var download = await kadis.GetAsync($"/laporan/{first.ReportId}/dokumen/{first.Id}");
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                using var pdf = UglyToad.PdfPig.PdfDocument.Open(await download.Content.ReadAsByteArrayAsync());
                Assert.Contains(first.Number, string.Join(" ", pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
            }

            using var pelapor = WebSession.ForAddress(restarted.BaseAddress);
            await pelapor.LoginAsAsync("pelapor");
            var token = WebPageHelpers.GetRequestVerificationToken(await pelapor.GetPageAsync("/laporan/baru"), "/laporan/baru");
            using var response = await pelapor.PostWithTokenAsync("/laporan/baru", Fields(Filings), token);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var id = int.Parse(response.Headers.Location!.OriginalString["/laporan/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            await using (var db = Open())
            {
                // Downloaded right after the redirect, whether or not the background renderer got to it yet.
                var issued = await db.IssuedDocuments.AsNoTracking().Where(d => d.ReportId == id).Select(d => new { d.Id, d.Number }).SingleAsync();
                using var download = await pelapor.GetAsync($"/laporan/{id}/dokumen/{issued.Id}");
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                using var pdf = UglyToad.PdfPig.PdfDocument.Open(await download.Content.ReadAsByteArrayAsync());
                Assert.Contains(issued.Number, string.Join(" ", pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
            }
            var rendered = Stopwatch.StartNew();
            while (await PendingCountAsync() > 0 && rendered.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
            await using (var db = Open())
            {
                var receipt = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.ReportId == id);
                Assert.False(receipt.IsPendingRendering);
                Assert.Equal(IssuedDocument.HashOf(receipt.Pdf), receipt.Sha256);
                Assert.Empty(await db.PendingDocumentRenders.AsNoTracking().ToListAsync());
                // Numbers continue after the crash: none lost, none taken twice.
                var numbers = (await db.Reports.AsNoTracking().Select(r => r.Number).ToListAsync())
                    .Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order();
                Assert.Equal(Enumerable.Range(1, Filings + 1), numbers);
            }
        }
    }

    private static async Task FileAsync(WebSession session, string token, int i)
    {
        using var response = await session.PostWithTokenAsync("/laporan/baru", Fields(i), token);
        throw new InvalidOperationException($"A held filing answered {(int)response.StatusCode}.");
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(int i) =>
    [
        new("ReporterName", "Rina Marlina"), new("ReporterPhone", "0812 6000 0100"),
        new("Location", $"Gedung utama lantai {i + 1}"), new("Category", nameof(FaultCategory.NoInternet)),
        new("Description", "Internet di ruang kepegawaian mati sejak pagi"), new("ConfirmDuplicate", "true"),
    ];

    private static int HeldCount(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllLines(path).Count(l => l.Length > 0) : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task<int> PendingCountAsync()
    {
        await using var db = Open();
        return await db.PendingDocumentRenders.CountAsync();
    }

    private AppDbContext Open() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dataDirectory, "networkmaintenance.db"), Pooling = false }.ToString())
        .Options);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
