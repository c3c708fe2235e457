using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>The public pages work without signing in and axe finds nothing serious or critical on them.</summary>
[Collection(PublicBrowserCollectionDefinition.Name)]
public sealed class PublicPages(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task TheServiceStandardIsReachableFromTheLoginPage() => RunAsync(async () =>
    {
        await Page.GotoAsync("/masuk");
        await Page.GetByTestId("public-links").GetByRole(AriaRole.Link, new() { Name = "Standar pelayanan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Standar Pelayanan Maintenance Gangguan Jaringan" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("section-prosedur")).ToContainTextAsync("14. Kepala Dinas melakukan review");
        await Expect(Page.GetByTestId("section-biaya")).ToContainTextAsync("Tidak dipungut biaya");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    });

    [Fact]
    public Task TrackingWithAWrongCodeSaysNotFound() => RunAsync(async () =>
    {
        await Page.GotoAsync("/lacak");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
        await Page.GetByLabel("Nomor laporan / pengaduan").FillAsync("GJ-2026-000001");
        await Page.GetByLabel("Kode pelacakan").FillAsync("SALAHKOD");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lacak" }).ClickAsync();
        await Expect(Page.GetByTestId("errors")).ToContainTextAsync("tidak ditemukan");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    });

    [Fact]
    public Task AComplaintIsSentAndFollowedThroughTracking() => RunAsync(async () =>
    {
        await Page.GotoAsync("/pengaduan");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
        await Page.GetByLabel("Nama").FillAsync("Ahmad Yani");
        await Page.GetByLabel("Telepon / WhatsApp").FillAsync("0813 7000 1122");
        await Page.GetByLabel("Isi pengaduan").FillAsync("Teknisi belum datang padahal sudah lewat satu hari.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kirim pengaduan" }).ClickAsync();
        await Expect(Page.GetByTestId("complaint-number")).ToContainTextAsync("PGD-");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
        var number = await Page.GetByTestId("complaint-number").InnerTextAsync();
        var code = await Page.GetByTestId("complaint-code").InnerTextAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Lacak", Exact = true }).ClickAsync();
        await Expect(Page.GetByLabel("Nomor laporan / pengaduan")).ToHaveValueAsync(number);
        await Page.GetByLabel("Kode pelacakan").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lacak" }).ClickAsync();
        await Expect(Page.GetByTestId("tracked-complaint")).ToContainTextAsync("Diterima");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    });
}
