using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>A fresh app of its own for the look of the product: its dashboard starts from an empty system.</summary>
[CollectionDefinition(Name)]
public sealed class LookBrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "BrowserLook";
}

/// <summary>
/// Issue 16, point 7 (and the dashboard chart of point 6) in Chromium: the header shows the kop surat's logo at both
/// viewports, the dashboard's charts keep a real height on a fresh system, table headers stay in view while the rows
/// scroll, every list page says what to do when it is empty, and axe finds nothing serious or critical on the main
/// pages. Screenshots of the dashboard and a report page at both viewports are kept next to the test assembly
/// (screenshots/docs), from where docs/images takes them.
/// </summary>
[Collection(LookBrowserCollectionDefinition.Name)]
public sealed class ProductLook(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly SemaphoreSlim SeedLock = new(1, 1);
    private static int? _reportId;

    public static readonly string DocsScreenshots = Path.Combine(ArtifactsDirectory, "docs");

    private static readonly string[] CountCharts = ["chart-trend", "chart-by-opd"];

    [Fact]
    public Task TheCategoryChartKeepsARealHeightWhenOtherChartsHaveNoData() => RunAsync(async () =>
    {
        await OneReportAsync();
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync("kadis");

        // One report filed, nobody assigned: the workload and time-per-step charts have no data.
        await Expect(Page.GetByTestId("chart-empty-workload")).ToContainTextAsync("Belum ada data");
        var canvas = Page.Locator("#chart-by-category");
        await Expect(canvas).ToBeVisibleAsync();
        // Chart.js sizes the canvas when it draws; wait until it did, then measure.
        await Page.WaitForFunctionAsync("() => { const c = document.querySelector('#chart-by-category'); return c && c.getBoundingClientRect().height > 0 && window.Chart && Chart.getChart(c); }");
        var box = await canvas.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height > 150, $"The category chart is {box.Height}px high.");
        Assert.True(box.Width > 150, $"The category chart is {box.Width}px wide.");
        // What Chart.js actually draws in (the canvas minus the legend) is more than a dot.
        Assert.True(await ChartAreaHeightAsync() > 100, "The category doughnut is drawn in less than 100 px.");
        // Counts of reports are whole numbers on the axes: one report is not drawn against "0,1 … 0,9".
        foreach (var id in CountCharts)
        {
            var ticks = await Page.EvaluateAsync<double[]>(
                $"() => Chart.getChart(document.getElementById('{id}')).scales.y.ticks.map(t => t.value)");
            Assert.NotEmpty(ticks);
            Assert.All(ticks, t => Assert.Equal(Math.Round(t), t));
        }
        // The same at a phone's width.
        await Page.SetViewportSizeAsync(390, 844);
        await Page.WaitForFunctionAsync("() => document.querySelector('#chart-by-category').getBoundingClientRect().width < 390");
        Assert.True((await canvas.BoundingBoxAsync())!.Height > 150, "The category chart collapsed on a phone.");
        Assert.True(await ChartAreaHeightAsync() > 100, "The category doughnut is drawn in less than 100 px on a phone.");
    });

    [Fact]
    public Task TheHeaderShowsTheKopLogoAtBothViewports_AndTheDashboardAndReportPageFit() => RunAsync(async () =>
    {
        var id = await OneReportAsync();
        Directory.CreateDirectory(DocsScreenshots);

        await Page.GotoAsync("/masuk");
        await ExpectLogoAsync();

        await SignInAsync("kadis");
        foreach (var (name, width, height) in new[] { ("desktop", 1366, 768), ("phone", 390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            foreach (var (page, url) in new[] { ("dashboard", "/"), ("report", $"/laporan/{id}") })
            {
                await Page.GotoAsync(url);
                await ExpectLogoAsync();
                Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    $"{url} is wider than {width}px.");
                if (page == "dashboard")
                {
                    await Page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('#chart-by-category'))");
                }
                await Page.ScreenshotAsync(new() { Path = Path.Combine(DocsScreenshots, $"{page}-{name}.png"), FullPage = page == "report" || name == "desktop" });
            }
        }
    });

    [Fact]
    public Task ATableHeaderStaysInViewWhileTheRowsScroll() => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync("admin");
        await Page.GotoAsync("/admin/pengguna");
        var table = Page.GetByTestId("user-table");
        await Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();
        var scroller = table.Locator("xpath=ancestor::div[contains(@class,'table-responsive')][1]");
        var (scrollHeight, clientHeight) = await ScrollSizesAsync(scroller);
        Assert.True(scrollHeight > clientHeight + 100, $"The user table does not scroll ({scrollHeight} in {clientHeight}px): no test of its header.");

        await table.Locator("tbody tr").Nth(2).HoverAsync();
        await Page.Mouse.WheelAsync(0, 400);
        await Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=user-table]').closest('.table-responsive').scrollTop > 100");

        var header = await table.Locator("thead th").First.BoundingBoxAsync();
        var region = await scroller.BoundingBoxAsync();
        var firstRow = await table.Locator("tbody tr").First.BoundingBoxAsync();
        Assert.NotNull(header);
        Assert.NotNull(region);
        Assert.NotNull(firstRow);
        Assert.InRange(header.Y, region.Y - 1, region.Y + 2); // stuck to the top of the scrolling region
        Assert.InRange(header.Y, 0, 768 - header.Height);    // and on screen
        Assert.True(firstRow.Y < header.Y, "The rows did not scroll under the header.");
        // The header is what shows there, not a row under it.
        var topElement = await Page.EvaluateAsync<string>($"() => document.elementFromPoint({header.X + 5}, {header.Y + header.Height / 2}).closest('th, td')?.tagName ?? ''");
        Assert.Equal("TH", topElement);
    });

    public static TheoryData<string, string> EmptyLists() => new()
    {
        { "kadis", "/laporan?q=tidak-ada-laporan-seperti-ini" },
        { "teknisi2", "/tugas" },
        { "teknisi2", "/" },
        { "kabid.ikp", "/notifikasi" },
        { "petugas", "/buku-tamu?from=2001-01-01&to=2001-01-02" },
        { "admin", "/admin/audit?q=tidak-ada-catatan-seperti-ini" },
        { "admin", "/admin/pengguna?q=tidak-ada-pengguna-seperti-ini" },
    };

    [Theory]
    [MemberData(nameof(EmptyLists))]
    public Task AnEmptyListSaysWhatToDo(string userName, string url) => RunAsync(async () =>
    {
        await SignInAsync(userName);
        await Page.GotoAsync(url);

        var empty = Page.Locator(".empty-state");
        await Expect(empty).ToBeVisibleAsync();
        Assert.True((await empty.Locator(".empty-state-text").InnerTextAsync()).Length > 30, "The empty state does not explain itself.");
        var action = empty.GetByTestId("empty-state-action");
        await Expect(action).ToBeVisibleAsync();
        var href = await action.GetAttributeAsync("href");
        Assert.StartsWith("/", href);
        var response = await Page.GotoAsync(href!);
        Assert.True(response?.Ok, $"The empty state's action {href} answered {response?.Status}.");
    }, userName + url.Split('?')[0].Replace('/', '-'));

    public static TheoryData<string, string> MainPages() => new()
    {
        { "kadis", "/" },
        { "kadis", "/laporan" },
        { "kadis", "/laporan/{id}" },
        { "kadis", "/notifikasi" },
        { "petugas", "/laporan/baru" },
        { "petugas", "/buku-tamu" },
        { "teknisi", "/" },
        { "pelapor", "/" },
        { "admin", "/admin/pengguna" },
    };

    [Theory]
    [MemberData(nameof(MainPages))]
    public Task MainPagesHaveNoSeriousViolations(string userName, string url) => RunAsync(async () =>
    {
        var id = await OneReportAsync();
        await SignInAsync(userName);
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            var response = await Page.GotoAsync(url.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            Assert.True(response?.Ok, $"{url} answered {response?.Status}.");
            await Expect(Page.GetByTestId("brand")).ToBeVisibleAsync();
            await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
        }
    }, userName + url.Replace('/', '-'));

    private Task<double> ChartAreaHeightAsync() => Page.EvaluateAsync<double>(
        "() => { const a = Chart.getChart(document.querySelector('#chart-by-category')).chartArea; return a.bottom - a.top; }");

    private async Task ExpectLogoAsync()
    {
        var logo = Page.GetByTestId("brand-logo");
        await Expect(logo).ToBeVisibleAsync();
        await Expect(logo).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/logo\\?v=[0-9a-f]{16}$"));
        // Loaded and drawn, not a broken image, and wholly inside the window.
        Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The logo did not load.");
        var box = await logo.BoundingBoxAsync();
        var width = await Page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width && box.Height >= 24, $"The logo is at {box.X}+{box.Width} ({box.Height}px high).");
    }

    private static async Task<(int ScrollHeight, int ClientHeight)> ScrollSizesAsync(ILocator scroller)
    {
        var sizes = await scroller.EvaluateAsync<int[]>("e => [e.scrollHeight, e.clientHeight]");
        return (sizes[0], sizes[1]);
    }

    /// <summary>The one report of this fresh system (filed once for the whole class): the category chart has data.</summary>
    private async Task<int> OneReportAsync()
    {
        await SeedLock.WaitAsync();
        try
        {
            return _reportId ??= await SeedReports.FileAsync(Fixture.App.Services, "pelapor",
                "Gedung BKD lantai 1, ruang pelayanan kepegawaian",
                "Internet di ruang pelayanan kepegawaian putus sejak pukul 08.00; komputer tidak dapat membuka aplikasi.");
        }
        finally
        {
            SeedLock.Release();
        }
    }
}
