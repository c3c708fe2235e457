using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// The technician's home on a phone (390 × 844) is their work queue: each assigned report a card within the screen,
/// with its location, SLA badge, a button to open it and a tap-to-call link to the reporter; no dashboard charts.
/// </summary>
[Collection(LayoutBrowserCollectionDefinition.Name)]
public sealed class TechnicianPhone(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int Width = 390;

    protected override BrowserNewContextOptions ContextOptions()
    {
        var options = base.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = Width, Height = 844 };
        options.IsMobile = true;
        options.HasTouch = true;
        options.DeviceScaleFactor = 3;
        return options;
    }

    [Fact]
    public Task TheWorkQueueComesFirstAsCardsWithTapToCall() => RunAsync(async () =>
    {
        var id = await SeedReports.FileAsync(Fixture.App.Services, "pelapor", "Kantor BKD lantai 3, ruang server kecil",
            "Switch di ruang server kecil mati total, semua ruangan lantai 3 tidak ada internet.");
        await SeedReports.AssignAsync(Fixture.App.Services, id);

        await SignInAsync("teknisi");
        var queue = Page.GetByTestId("work-queue");
        await Expect(queue).ToBeVisibleAsync();
        await Expect(Page.Locator("canvas")).ToHaveCountAsync(0);
        var card = queue.Locator($"[data-queue-report='{id}']");
        await Expect(card).ToContainTextAsync("Kantor BKD lantai 3, ruang server kecil");
        await Expect(card.GetByTestId("sla")).ToBeVisibleAsync();
        var call = card.GetByTestId("call-reporter");
        await Expect(call).ToHaveAttributeAsync("href", "tel:+6281260000100");
        var open = card.GetByRole(AriaRole.Link, new() { Name = "Buka laporan" });
        foreach (var control in new[] { card, call, open })
        {
            var box = await control.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.InRange(box.X, 0, Width);
            Assert.InRange(box.X + box.Width, 0, Width);
        }
        // Big enough to tap with a thumb.
        Assert.True((await open.BoundingBoxAsync())!.Height >= 44, "The open button is too small to tap.");
        Assert.True((await call.BoundingBoxAsync())!.Height >= 44, "The call link is too small to tap.");
        await AssertNoSidewaysScrollAsync("The technician's home on a phone");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);

        await open.TapAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, $"/laporan/{id}").ToString());
    });
}
