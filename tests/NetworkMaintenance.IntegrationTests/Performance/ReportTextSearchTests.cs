using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Intake;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The text search of /laporan (<see cref="ReportTextSearch"/>) over real HTTP: the number (whole or in part), a word
/// of the location, a word of the description, in any case; kept in step when a report changes or goes (on SQLite the
/// FTS5 table's triggers, checked with FTS5's own integrity check; on PostgreSQL the trigram indexes); and never a
/// report the user may not see.
/// </summary>
public sealed class ReportTextSearchTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SearchFindsNumberLocationAndDescriptionAndFollowsEditsAndDeletes()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var dinkes = await factory.OpdIdAsync("Dinkes");
        var bkd = await factory.OpdIdAsync("BKD");
        var printer = await FileAsync(petugas, dinkes, "Puskesmas Sukamaju, ruang farmasi", "Printer jaringan tidak terdeteksi sejak kemarin");
        var cable = await FileAsync(petugas, bkd, "Kantor Camat Lubuk Baja", "Kabel UTP di ruang arsip digigit tikus");
        var printerNumber = await NumberAsync(printer);
        var cableNumber = await NumberAsync(cable);

        // The number typed whole, in part, or in lower case.
        await AssertFindsAsync(petugas, printerNumber, [printerNumber], [cableNumber]);
        await AssertFindsAsync(petugas, printerNumber[^5..], [printerNumber], [cableNumber]);
        await AssertFindsAsync(petugas, printerNumber.ToLowerInvariant(), [printerNumber], [cableNumber]);
        // A word (or part of one) of the location or of the description, in any case; a phrase across words.
        await AssertFindsAsync(petugas, "SUKAMAJU", [printerNumber], [cableNumber]);
        await AssertFindsAsync(petugas, "lubuk", [cableNumber], [printerNumber]);
        await AssertFindsAsync(petugas, "digigit", [cableNumber], [printerNumber]);
        await AssertFindsAsync(petugas, "tidak terdeteksi", [printerNumber], [cableNumber]);
        await AssertFindsAsync(petugas, "jaringan tikus", [], [printerNumber, cableNumber]);
        // Shorter than a trigram: still a substring search (LIKE).
        await AssertFindsAsync(petugas, "Ba", [cableNumber], [printerNumber]);
        // Query syntax is text: quotes and FTS operators find nothing rather than failing.
        await AssertFindsAsync(petugas, "\"farmasi\" OR tikus*", [], [printerNumber, cableNumber]);

        // An edit of the searched columns (the UPDATE EF issues) moves the report in the index.
        await factory.QueryAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == printer);
            db.Entry(report).Property(r => r.Description).CurrentValue = "Printer jaringan sudah diganti tonernya";
            db.Entry(report).Property(r => r.Location).CurrentValue = "Puskesmas Tanjung Uma";
            report.RecordLaporNumber("5512873");
            return await db.SaveChangesAsync();
        });
        await AssertFindsAsync(petugas, "terdeteksi", [], [printerNumber]);
        await AssertFindsAsync(petugas, "sukamaju", [], [printerNumber]);
        await AssertFindsAsync(petugas, "tonernya", [printerNumber], [cableNumber]);
        await AssertFindsAsync(petugas, "tanjung uma", [printerNumber], [cableNumber]);
        await AssertFindsAsync(petugas, "#5512873", [printerNumber], [cableNumber]);

        // A report of another OPD is not found by an OPD's reporter, whatever the term.
        using (var pelapor = await WebSession.SignedInAsync(factory, "pelapor"))
        {
            await AssertFindsAsync(pelapor, "digigit", [cableNumber], [printerNumber]);
            await AssertFindsAsync(pelapor, "tonernya", [], [printerNumber]);
            await AssertFindsAsync(pelapor, printerNumber, [], [printerNumber]);
        }

        // A removed report is gone from the index too (nothing in the app deletes reports; the trigger still must).
        await DeleteReportAsync(cable);
        await AssertFindsAsync(petugas, "digigit", [], [cableNumber]);
        await AssertFindsAsync(petugas, cableNumber, [], [cableNumber]);

        if (AppFactory.PostgresServer is null)
        {
            // FTS5 compares its index with the content table (Reports): any row the triggers missed fails here.
            await factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO \"{ReportTextSearch.SqliteTable}\"(\"{ReportTextSearch.SqliteTable}\", rank) VALUES ('integrity-check', 1)"));
        }
    }

    [Fact]
    public async Task PartOfANumberIsLookedForOncePerPage()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var id = await FileAsync(petugas, await factory.OpdIdAsync("Dinkes"), "Kantor Lurah Bandar Utama", "Switch di ruang staf mati total");
        var number = await NumberAsync(id);
        await AssertFindsAsync(petugas, number[^6..], [number], []);

        using var counter = await SqlCommandCounter.StartAsync(factory.DataDirectory, () => factory.QueryAsync(db => db.Users.AnyAsync()));
        await AssertFindsAsync(petugas, number[^6..], [number], []);
        var texts = counter.Texts;
        if (AppFactory.PostgresServer is null)
        {
            // SQLite counts the matches from the FTS5 index alone, then reads the page through it.
            Assert.Equal(2, texts.Count(t => t.Contains("MATCH", StringComparison.Ordinal)));
        }
        else
        {
            // PostgreSQL has no index to count from: the matching ids (fewer than the cap) are the count, and the page is
            // read by id, so the trigram index is searched once.
            var search = Assert.Single(texts, t => t.Contains("\"SearchText\"", StringComparison.Ordinal));
            Assert.Contains("LIKE", search, StringComparison.Ordinal);
        }
    }

    private static async Task<int> FileAsync(WebSession petugas, int opd, string location, string description)
    {
        using var response = await petugas.PostFormAsync("/laporan/baru",
            IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Phone), description).Set("Location", location));
        return IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(response, "/laporan/"));
    }

    private Task<string> NumberAsync(int id) =>
        factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());

    private static async Task AssertFindsAsync(WebSession session, string term, string[] found, string[] notFound)
    {
        var html = await session.GetPageAsync("/laporan?q=" + Uri.EscapeDataString(term));
        // The result rows only (the page's header may name other reports, e.g. in notifications); no table when none.
        var start = html.IndexOf("data-testid=\"report-table\"", StringComparison.Ordinal);
        var page = start < 0 ? "" : html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        if (found.Length == 0) Assert.Equal("0", TotalOf(html));
        foreach (var number in found) Assert.True(page.Contains(number, StringComparison.Ordinal), $"\"{term}\" should find {number}.");
        foreach (var number in notFound) Assert.False(page.Contains(number, StringComparison.Ordinal), $"\"{term}\" should not find {number}.");
    }

    private static string TotalOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"total\">(\\d+)<").Groups[1].Value;

    /// <summary>
    /// Deletes a report row alone, its foreign keys unchecked on this one connection (SQLite: <c>foreign_keys</c> off;
    /// PostgreSQL: the test server's superuser skips the constraint triggers), as a manual clean-up would.
    /// </summary>
    private Task<int> DeleteReportAsync(int id) => factory.QueryAsync(async db =>
    {
        var sqlite = AppFactory.PostgresServer is null;
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync(sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
            var deleted = await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"Reports\" WHERE \"Id\" = {id}");
            Assert.Equal(1, deleted);
            await db.Database.ExecuteSqlRawAsync(sqlite ? "PRAGMA foreign_keys = ON" : "SET session_replication_role = DEFAULT");
            return deleted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });
}
