using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// No role's main pages are wider than the window: on the usual office laptops (1280, 1366 × 768, 1440) and on a phone
/// (390 × 844), every page of the role's navigation, and a report's page, has <c>document.scrollWidth</c> at most the
/// window's width; on the laptops the user menu and the notification link are wholly on screen.
/// </summary>
[Collection(LayoutBrowserCollectionDefinition.Name)]
public sealed partial class PageWidth(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly SemaphoreSlim SeedLock = new(1, 1);

    private static readonly (int Width, int Height)[] Windows = [(1280, 800), (1366, 768), (1440, 900), (390, 844)];

    public static TheoryData<string> OneUserPerRole() => new(Roles.All.Select(role =>
        UserProvisioning.DemoAccounts.First(a => a.Role == role).UserName));

    [Theory]
    [MemberData(nameof(OneUserPerRole))]
    public Task NoPageOfTheRoleIsWiderThanTheWindow(string userName) => RunAsync(async () =>
    {
        await EnsureReportsAsync();
        await SignInAsync(userName);
        await Expect(Page.GetByTestId("user-menu")).ToBeAttachedAsync();

        var urls = new List<string>();
        foreach (var link in await Page.GetByTestId("nav").Locator("a[href^='/']").AllAsync())
        {
            urls.Add((await link.GetAttributeAsync("href"))!);
        }
        Assert.Contains("/", urls);
        Assert.Contains("/notifikasi", urls);
        if (urls.Contains("/laporan"))
        {
            await Page.GotoAsync("/laporan");
            var first = Page.Locator("a[href^='/laporan/']").Filter(new() { HasTextRegex = GjNumber() }).First;
            if (await first.CountAsync() > 0) urls.Add((await first.GetAttributeAsync("href"))!);
        }

        var failures = new List<string>();
        foreach (var (width, height) in Windows)
        {
            await Page.SetViewportSizeAsync(width, height);
            foreach (var url in urls.Distinct())
            {
                var response = await Page.GotoAsync(url);
                Assert.True(response?.Ok, $"{url} answered {response?.Status} for {userName}.");
                var (scrollWidth, innerWidth) = await MeasureAsync();
                if (scrollWidth > innerWidth) failures.Add($"{url} at {width}px is {scrollWidth}px wide ({await OverflowingElementsAsync()})");
                if (width >= 768)
                {
                    var box = await Page.GetByTestId("user-menu").BoundingBoxAsync();
                    if (box is null || box.X < 0 || box.X + box.Width > innerWidth)
                        failures.Add($"the user menu on {url} at {width}px is not wholly on screen ({box?.X}+{box?.Width})");
                    var bell = Page.GetByTestId("nav").Locator("a[href='/notifikasi']");
                    var bellBox = await bell.BoundingBoxAsync();
                    if (bellBox is null || bellBox.X + bellBox.Width > innerWidth)
                        failures.Add($"the notification link on {url} at {width}px is not wholly on screen");
                }
            }
        }
        Output.WriteLine($"{userName}: {urls.Distinct().Count()} pages at {Windows.Length} window sizes");
        Assert.True(failures.Count == 0, $"{userName}: " + string.Join("; ", failures));
    }, userName);

    private async Task<(int ScrollWidth, int InnerWidth)> MeasureAsync()
    {
        var sizes = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (sizes[0], sizes[1]);
    }

    /// <summary>Two reports with long words and text, so that the lists and the report page have something to lay out.</summary>
    private async Task EnsureReportsAsync()
    {
        await SeedLock.WaitAsync();
        try
        {
            if (await SeedReports.CountAsync(Fixture.App.Services, "Alamat-IP-192.168.100.254") > 0) return;
            await SeedReports.FileAsync(Fixture.App.Services, "pelapor",
                "Gedung Badan Kepegawaian Daerah lantai 2, ruang arsip kepegawaian bagian belakang dekat tangga darurat",
                "Semua komputer di ruang arsip tidak dapat terhubung ke internet sejak pukul 08.00; lampu switch berkedip oranye; " +
                "sudah dicoba menyalakan ulang router dan switch tetapi tidak berhasil. Alamat-IP-192.168.100.254-tidak-dapat-di-ping.");
            await SeedReports.FileAsync(Fixture.App.Services, "pelapor.dinkes", "Puskesmas Rantau Laban, ruang pendaftaran",
                "Aplikasi pendaftaran pasien tidak bisa membuka server karena jaringan putus.");
        }
        finally
        {
            SeedLock.Release();
        }
    }

    [GeneratedRegex("^GJ-")]
    private static partial Regex GjNumber();
}
