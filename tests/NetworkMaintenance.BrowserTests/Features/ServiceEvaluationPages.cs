using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// The public service-evaluation pages (the fourteen components, the published SKM results) at a laptop's 1366 × 768
/// and a phone's 390 × 844: readable without horizontal scrolling, reachable from the footer, and clean for axe.
/// </summary>
[Collection(PublicBrowserCollectionDefinition.Name)]
public sealed class ServiceEvaluationPages(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    public static readonly TheoryData<int, int> Viewports = new() { { 1366, 768 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Viewports))]
    public Task TheWholeStandardAndTheSkmResultsArePublic(int width, int height) => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(width, height);
        await Page.GotoAsync("/standar-pelayanan");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Standar Pelayanan Maintenance Gangguan Jaringan" })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid^='section-']")).ToHaveCountAsync(14);
        await Expect(Page.GetByTestId("section-dasar-hukum")).ToContainTextAsync("Undang-Undang Nomor 25 Tahun 2009");
        await Expect(Page.GetByTestId("section-evaluasi-kinerja")).ToContainTextAsync("Survei Kepuasan Masyarakat");
        await Expect(Page.GetByTestId("standard-pdf")).ToHaveAttributeAsync("href", "/standar-pelayanan/cetak");
        await AssertNoSidewaysScrollAsync("The service standard page");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);

        await Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Hasil SKM" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Hasil Survei Kepuasan Masyarakat" })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync("The SKM results page");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    }, $"{width}x{height}");
}
