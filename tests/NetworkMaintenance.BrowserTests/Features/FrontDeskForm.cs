using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// Issue 16, point 6: the front desk's form shows only the chosen channel's own fields (wwwroot/js/channel-fields.js),
/// at 1366 × 768 and 390 × 844, and a walk-in recorded through it lands in the guest book.
/// </summary>
[Collection(LookBrowserCollectionDefinition.Name)]
public sealed class FrontDeskForm(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public Task OnlyTheChosenChannelsFieldsShow(int width, int height) => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(width, height);
        await SignInAsync("petugas");
        await Page.GotoAsync("/laporan/baru");
        var channel = Page.GetByLabel("Saluran laporan");
        var letter = Page.GetByTestId("letter-fields");
        var guest = Page.GetByTestId("guest-book");

        await channel.SelectOptionAsync("Phone");
        await Expect(letter).ToBeHiddenAsync();
        await Expect(guest).ToBeHiddenAsync();
        await Expect(Page.GetByLabel("Telepon / WhatsApp")).ToBeVisibleAsync();

        await channel.SelectOptionAsync("Letter");
        await Expect(letter).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Nomor surat (untuk saluran surat)")).ToBeEditableAsync();
        await Expect(guest).ToBeHiddenAsync();

        await channel.SelectOptionAsync("WalkIn");
        await Expect(guest).ToBeVisibleAsync();
        await Expect(letter).ToBeHiddenAsync();
        await Expect(Page.GetByLabel("Nama tamu")).ToBeEditableAsync();
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"The front desk form is wider than {width}px.");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    }, $"{width}");

    [Fact]
    public Task AWalkInRecordedThroughTheFormIsInTheGuestBook() => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync("petugas");
        await Page.GotoAsync("/laporan/baru");

        // A letter number typed first and then left behind by switching to a walk-in is not sent.
        await Page.GetByLabel("Saluran laporan").SelectOptionAsync("Letter");
        await Page.GetByLabel("Nomor surat (untuk saluran surat)").FillAsync("005/123/BKD/2026");
        await Page.GetByLabel("Saluran laporan").SelectOptionAsync("WalkIn");
        await Page.GetByLabel("Nama tamu").FillAsync("Lestari Handayani");
        await Page.GetByLabel("Jenis identitas").SelectOptionAsync("Ktp");
        await Page.GetByLabel("Nomor identitas").FillAsync("1276012345678901");
        await Page.GetByLabel("Keperluan").FillAsync("Melaporkan gangguan jaringan");
        await Page.GetByLabel("Jam masuk (WIB)").FillAsync("2026-11-29T09:00");
        await Page.GetByLabel("OPD pelapor").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Nama pelapor").FillAsync("Lestari Handayani");
        await Page.GetByLabel("Telepon / WhatsApp").FillAsync("081261112233");
        await Page.GetByLabel("Kategori gangguan").SelectOptionAsync("Other"); // no open report of this category: no duplicate question
        await Page.GetByLabel("Lokasi gangguan").FillAsync("Ruang pelayanan, lantai 1");
        await Page.GetByLabel("Uraian gangguan").FillAsync("Internet di ruang pelayanan terputus sejak pagi, uji formulir.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/laporan/\\d+$"));
        var id = int.Parse(new Uri(Page.Url).AbsolutePath["/laporan/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Reports.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal(ReportChannel.WalkIn, report.Channel);
            Assert.Null(report.LetterNumber);
        }
        await Page.GotoAsync("/buku-tamu?q=Lestari");
        await Expect(Page.GetByTestId("guest-book")).ToContainTextAsync("1276012345678901");
    });
}
