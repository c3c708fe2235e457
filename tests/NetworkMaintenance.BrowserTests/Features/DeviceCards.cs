using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// On a phone (390 × 844) the device rows of the work report are cards: each field labelled and the width of the
/// screen, a typed serial number wholly visible, a card added and removed with its own buttons, and the devices saved
/// as typed. The camera scan button appears only where the browser has BarcodeDetector.
/// </summary>
[Collection(LayoutBrowserCollectionDefinition.Name)]
public sealed class DeviceCards(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
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
    public Task DeviceRowsAreFullWidthLabelledCardsAddedAndRemovedOnAPhone() => RunAsync(async () =>
    {
        var id = await SeedReports.FileAsync(Fixture.App.Services, "pelapor", "Kantor BKD lantai 1, ruang pelayanan",
            "Access point ruang pelayanan mati, uji kartu perangkat.");
        await SeedReports.ToRepairingAsync(Fixture.App.Services, id);

        await SignInAsync("teknisi");
        await Page.GotoAsync($"/laporan/{id}/langkah/CompleteWork");
        var table = Page.Locator("[data-device-table='Devices']");
        await Expect(table.Locator("thead")).ToBeHiddenAsync();
        var cards = table.Locator("[data-device-row]");
        await Expect(cards).ToHaveCountAsync(3);

        // Labelled, full-width fields: the label is visible above its field.
        var name = table.GetByLabel("Nama perangkat baris 1", new() { Exact = true });
        var serial = table.GetByLabel("Nomor seri baris 1", new() { Exact = true });
        await Expect(cards.First.Locator("label", new() { HasText = "Nomor seri" })).ToBeVisibleAsync();
        foreach (var field in new[] { name, serial, table.GetByLabel("Kondisi baris 1", new() { Exact = true }),
                     table.GetByLabel("Keterangan baris 1", new() { Exact = true }) })
        {
            var box = (await field.BoundingBoxAsync())!;
            Assert.InRange(box.X, 0, Width);
            Assert.InRange(box.X + box.Width, 0, Width);
            Assert.True(box.Width >= 250, $"A device field is only {box.Width}px wide on a phone.");
        }
        const string longSerial = "TPL24-0178-AX55-2231190004567";
        await name.FillAsync("Access point");
        await serial.FillAsync(longSerial);
        Assert.True(await serial.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "The serial number does not fit its field.");
        await table.GetByLabel("Kondisi baris 1", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Rusak Ringan" });
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The work report form scrolls sideways on a phone.");

        // No BarcodeDetector in this Chromium: the scan buttons stay hidden, the serial is typed.
        var hasDetector = await Page.EvaluateAsync<bool>("() => 'BarcodeDetector' in window");
        var scan = cards.First.Locator("[data-scan]");
        if (hasDetector) await Expect(scan).ToBeVisibleAsync();
        else await Expect(scan).ToBeHiddenAsync();

        // Add a card, remove the second: names stay Devices[0..n-1] without gaps.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tambah perangkat" }).First.TapAsync();
        await Expect(cards).ToHaveCountAsync(4);
        await table.GetByLabel("Nama perangkat baris 4", new() { Exact = true }).FillAsync("Kabel patch Cat6");
        await table.GetByLabel("Kondisi baris 4", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Baik" });
        await cards.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Hapus baris 2" }).TapAsync();
        await Expect(cards).ToHaveCountAsync(3);
        await Expect(Page.Locator("input[name='Devices[2].Name']")).ToHaveValueAsync("Kabel patch Cat6");
        await Expect(table.GetByLabel("Nama perangkat baris 3", new() { Exact = true })).ToHaveValueAsync("Kabel patch Cat6");
        await Expect(Page.Locator("input[name='Devices[3].Name']")).ToHaveCountAsync(0);

        await Page.GetByLabel("Tindakan yang dilakukan").FillAsync("Mengganti kabel dan mengatur ulang access point.");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
        await Page.Locator("form[data-step-form] button[type=submit]").TapAsync();
        await Expect(Page.GetByTestId("status")).ToHaveTextAsync("Menunggu persetujuan BA pekerjaan");

        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var devices = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ReportDevice>()
            .Where(d => d.ReportId == id && d.Purpose == DevicePurpose.Repaired).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(["Access point", "Kabel patch Cat6"], devices.Select(d => d.Name));
        Assert.Equal(longSerial, devices[0].SerialNumber);
    });
}
