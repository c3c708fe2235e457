using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Tests.Shared;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// The technician signs the sealed Berita Acara pekerjaan through (the fake) BSrE in Chromium, on an office laptop and on
/// a phone: from the report page to the signing page, a wrong passphrase first (BSrE's message in Indonesian, the field
/// emptied, nothing stored), then the right one; the verification page shows the seal and the signature as "Sah" and
/// BSrE's own verdict. Each page passes the accessibility scan and is no wider than the window.
/// </summary>
[Collection(SigningBrowserCollectionDefinition.Name)]
public sealed class CertifiedSigningPage(SigningBrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private readonly SigningBrowserFixture _signing = fixture;

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public Task TheTechnicianSignsTheBeritaAcaraThroughBsreAndSeesItValid(int width, int height) => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(width, height);
        var reportId = await SeedReports.FileAsync(Fixture.App.Services, "pelapor", "Gedung Diskominfo, ruang server",
            $"Internet mati di ruang server (uji tanda tangan {width}px).");
        await SeedReports.CompleteWorkAsync(Fixture.App.Services, reportId);
        var document = await QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .SingleAsync(d => d.ReportId == reportId && d.Type == DocumentType.WorkBa && !d.IsSuperseded));

        // The technician has not signed through BSrE before (the other window size's run may have stored the NIK).
        await QueryAsync(db => db.Users.Where(u => u.UserName == "teknisi").ExecuteUpdateAsync(u => u.SetProperty(x => x.Nik, (string?)null)));

        // The technician opens the report and its document, then follows the document's signing link.
        await SignInAsync("teknisi");
        await Page.GotoAsync($"/laporan/{reportId}");
        var card = Page.Locator($"li[data-document-id='{document.Id}']");
        var pdf = await Page.APIRequest.GetAsync(await card.GetByRole(AriaRole.Link, new() { Name = "Unduh PDF" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, pdf.Status);
        Assert.Equal(document.Pdf, await pdf.BodyAsync());
        await card.GetByTestId("sign-link").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tanda tangan elektronik tersertifikasi");
        await Expect(Page.GetByTestId("signing-number")).ToHaveTextAsync(document.Number);
        // The seal applied at issue is listed already.
        await Expect(Page.GetByTestId("signature")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("signature")).ToContainTextAsync("Segel elektronik Dinas");
        await AssertReadableAsync("signing page");

        // A wrong passphrase: BSrE's message in Indonesian, the passphrase field empty, nothing stored.
        var nik = Page.GetByLabel("NIK (sesuai pendaftaran di BSrE)");
        var secret = Page.GetByLabel("Passphrase atau kode TOTP", new() { Exact = true });
        var submit = Page.GetByRole(AriaRole.Button, new() { Name = "Tanda tangani" });
        await nik.FillAsync(FakeBsre.RegisteredNik);
        await Expect(Page.GetByLabel("Passphrase", new() { Exact = true })).ToBeCheckedAsync();
        await secret.PressSequentiallyAsync("bukan-passphrase-" + width);
        await submit.ClickAsync();
        await Expect(Page.GetByTestId("signing-error")).ToContainTextAsync("BSrE menolak penandatanganan: " + FakeBsre.WrongPassphraseMessage);
        await Expect(Page.GetByTestId("signing-error")).ToContainTextAsync("Dokumen belum ditandatangani");
        await Expect(secret).ToHaveValueAsync("");
        // The NIK is not kept from a failed attempt: it is asked again.
        await Expect(nik).ToHaveValueAsync("");
        await Expect(Page.GetByTestId("signature")).ToHaveCountAsync(1);
        Assert.Equal(1, await QueryAsync(db => db.DocumentSignatures.CountAsync(s => s.IssuedDocumentId == document.Id)));
        Assert.Equal(document.Sha256, await QueryAsync(db => db.IssuedDocuments.Where(d => d.Id == document.Id).Select(d => d.Sha256).SingleAsync()));
        await AssertReadableAsync("signing page with BSrE's refusal");

        // The right passphrase: signed, listed, and no form any more.
        await nik.FillAsync(FakeBsre.RegisteredNik);
        await secret.PressSequentiallyAsync(_signing.Bsre.GoodPassphrase);
        await submit.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Dokumen berhasil ditandatangani secara elektronik" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("signature")).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("signature").Nth(1)).ToContainTextAsync("Bayu Pratama");
        await Expect(Page.GetByTestId("signature").Nth(1)).ToContainTextAsync("Tanda tangan elektronik");
        await Expect(Page.GetByTestId("signing-refusal")).ToHaveTextAsync("Anda sudah menandatangani dokumen ini.");
        await Expect(Page.GetByTestId("signing-form")).ToHaveCountAsync(0);
        Assert.Equal(FakeBsre.RegisteredNik, await QueryAsync(db => db.Users.Where(u => u.UserName == "teknisi").Select(u => u.Nik).SingleAsync()));
        await AssertReadableAsync("signing page after signing");

        // The verification page: the seal and the personal signature, both "Sah", and BSrE's verdict beside them.
        await Page.GetByTestId("verification-link").ClickAsync();
        var signatures = Page.GetByTestId("verified-signature");
        await Expect(signatures).ToHaveCountAsync(2);
        await Expect(signatures.Nth(0)).ToContainTextAsync("Segel elektronik Dinas");
        await Expect(signatures.Nth(0)).ToContainTextAsync("Sah");
        await Expect(signatures.Nth(1)).ToContainTextAsync("Bayu Pratama");
        await Expect(signatures.Nth(1)).ToContainTextAsync("Sah");
        await Expect(signatures.Locator(".badge", new() { HasText = "Tidak sah" })).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("bsre-conclusion")).ToHaveTextAsync("VALID");
        await AssertReadableAsync("verification page");
    }, $"{width}x{height}");

    /// <summary>No horizontal scrolling, every button can be brought on screen, and axe finds nothing serious.</summary>
    private async Task AssertReadableAsync(string what)
    {
        await AssertNoSidewaysScrollAsync($"The {what}");
        foreach (var button in await Page.Locator("main button:visible, main .btn:visible").AllAsync())
        {
            await button.ScrollIntoViewIfNeededAsync();
            await Expect(button).ToBeInViewportAsync();
            var box = await button.BoundingBoxAsync();
            var innerWidth = await Page.EvaluateAsync<int>("() => window.innerWidth");
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= innerWidth, $"A button of the {what} is not wholly on screen.");
        }
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
