using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Features.Reports;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// The report list past its counting cap (<see cref="ReportCount"/>), in Chromium on an office laptop (1366 × 768) and a
/// phone (390 × 844): the count reads "lebih dari 10.000", the note says the exact number is not counted, the pager fits
/// the window, and "Berikutnya" and "Sebelumnya" lead to the next and previous pages.
/// </summary>
[Collection(ReportListBrowserCollectionDefinition.Name)]
public sealed class ReportListPager(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly SemaphoreSlim SeedLock = new(1, 1);
    private static bool _seeded;

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public Task PastTheCapTheCountSaysMoreThanAndBerikutnyaPagesOn(int width, int height) => RunAsync(async () =>
    {
        await SeedAsync();
        await Page.SetViewportSizeAsync(width, height);
        await SignInAsync("kabid");
        await Page.GotoAsync("/laporan");

        await Expect(Page.GetByTestId("total")).ToHaveTextAsync("lebih dari 10.000");
        await Expect(Page.GetByTestId("count-capped")).ToContainTextAsync("Menampilkan laporan 1–25 dari lebih dari 10.000 laporan");
        var firstOnPage1 = await Page.GetByTestId("report-table").Locator("tbody tr a").First.TextContentAsync();
        await Expect(Page.GetByTestId("page-previous")).ToHaveCountAsync(0);

        var next = Page.GetByTestId("page-next");
        await next.ScrollIntoViewIfNeededAsync();
        await AssertWithinWindowAsync(width);
        await next.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/laporan\?page=2$"));
        await Expect(Page.GetByTestId("pager").Locator(".page-item.active")).ToHaveTextAsync("2");
        await Expect(Page.GetByTestId("count-capped")).ToContainTextAsync("Menampilkan laporan 26–50");
        Assert.NotEqual(firstOnPage1, await Page.GetByTestId("report-table").Locator("tbody tr a").First.TextContentAsync());
        await AssertWithinWindowAsync(width);

        await Page.GetByTestId("page-previous").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/laporan\?page=1$"));
        Assert.Equal(firstOnPage1, await Page.GetByTestId("report-table").Locator("tbody tr a").First.TextContentAsync());
    }, $"{width}x{height}");

    /// <summary>The page is no wider than the window and the pager is wholly on screen.</summary>
    private async Task AssertWithinWindowAsync(int width)
    {
        await AssertNoSidewaysScrollAsync($"The list at {width}px");
        var pager = await Page.GetByTestId("pager").BoundingBoxAsync();
        Assert.NotNull(pager);
        Assert.True(pager.X >= 0 && pager.X + pager.Width <= width, $"The pager at {width}px is not wholly on screen ({pager.X}+{pager.Width}).");
    }

    /// <summary>More reports than the cap, with one SQL statement (closed reports of one OPD, received a minute apart).</summary>
    private async Task SeedAsync()
    {
        await SeedLock.WaitAsync();
        try
        {
            if (_seeded) return;
            await using var scope = Fixture.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var opd = await db.Opds.Where(o => o.ShortName == "Dinkes").Select(o => o.Id).SingleAsync();
            var user = await db.Users.Where(u => u.UserName == "petugas").Select(u => u.Id).SingleAsync();
            const int count = ReportCount.Cap + 100;
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}),
                t(i, at, h) AS (SELECT i, strftime('%Y-%m-%d %H:%M:%S', '2019-01-01', '+' || i || ' minutes'), hex(randomblob(16)) FROM n)
                INSERT INTO "Reports" ("Category", "Channel", "CreatedAtUtc", "Description", "Location", "Number", "OpdId", "ReceivedAtUtc",
                    "RecordedByUserId", "ReporterName", "Sequence", "SlaClockStartUtc", "WorkCompletedAtUtc", "ClosedAtUtc", "SlaElapsedSeconds",
                    "Status", "TrackingCode", "Version", "Year", "AwaitsIntakeConfirmation")
                SELECT 'Other', 'Phone', at, 'Printer jaringan mati', 'Gedung A', 'GJ-2019-' || printf('%06d', i), {opd}, at, {user}, 'Uji',
                    i, at, at, at, 3600, 'Closed', printf('T%07d', i),
                    substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12),
                    2019, 0
                FROM t
                """);
            _seeded = true;
        }
        finally
        {
            SeedLock.Release();
        }
    }
}

/// <summary>An app of its own for the list past its counting cap: its ten thousand reports would crowd the other tests' lists.</summary>
[CollectionDefinition(Name)]
public sealed class ReportListBrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "BrowserReportList";
}
