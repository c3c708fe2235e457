using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Monitoring;
using NetworkMaintenance.Web.Features.Monitoring;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// The OPD status board (/papan-status) on an office screen (1366 × 768) and a phone (390 × 844): the OPD with a firing
/// alert comes first, marked, with its figures; no sideways scrolling; the refresh script loads from a file (no CSP
/// violation); axe finds nothing serious.
/// </summary>
public sealed class StatusBoardPage(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    private async Task SeedAlertAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (_seeded) return;
            await using var scope = Fixture.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            var (source, _) = MonitoringSource.Create("Alertmanager papan status", admin, DateTime.UtcNow);
            db.MonitoringSources.Add(source);
            await db.SaveChangesAsync();
            var bkd = await db.Opds.Where(o => o.ShortName == "BKD").Select(o => o.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<AlertIntake>().ProcessAsync(source, new IncomingAlert("board-1", true, bkd,
                "sw-core-bkd", "critical", "Uplink BKD tidak merespons ping", DateTime.UtcNow.AddMinutes(-20), null, "uji"));
            _seeded = true;
        }
        finally
        {
            Seeded.Release();
        }
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public Task TheBoardShowsTheFiringOpdFirstAndReadsAtBothSizes(int width, int height) => RunAsync(async () =>
    {
        await SeedAlertAsync();
        await Page.SetViewportSizeAsync(width, height);
        await SignInAsync("kadis");
        await Page.GotoAsync("/papan-status");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Papan status OPD" })).ToBeVisibleAsync();

        var first = Page.GetByTestId("status-board").Locator("section.card").First;
        await Expect(first).ToHaveAttributeAsync("data-state", "down");
        await Expect(first.GetByRole(AriaRole.Heading)).ToHaveTextAsync("BKD");
        await Expect(first.GetByTestId("active-alerts")).ToHaveTextAsync("1");
        await Expect(first).ToContainTextAsync("Uplink BKD tidak merespons ping");
        await Expect(first.GetByTestId("availability")).Not.ToHaveTextAsync("100,0%");
        await Expect(Page.Locator("script[src*='/js/status-board.js']")).ToHaveCountAsync(1);
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"The status board scrolls sideways at {width}px.");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    }, $"{width}x{height}");
}
