using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Devices;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// Scanning a device's QR label (issue #19 point 5) on a phone (390 × 844), and on a laptop (1366 × 768): an OPD's
/// staff member opening the code's address lands on "Laporan baru" with the device preselected and shown at the top,
/// its place prefilling the location; the report filed shows the device's link, which leads back to the device page.
/// Staff opening the same address land on the device page, readable on a phone.
/// </summary>
[Collection(WorkflowBrowserCollectionDefinition.Name)]
public sealed class DeviceScanToReport(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    protected override BrowserNewContextOptions ContextOptions()
    {
        var options = base.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        options.IsMobile = true;
        options.HasTouch = true;
        options.DeviceScaleFactor = 3;
        return options;
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public Task AnOpdsStaffMemberScansALabelAndFilesAReportForThatDevice(int width, int height) => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(width, height);
        var serial = $"SCAN-{width}-{Guid.NewGuid():N}"[..24];
        var id = await RegisterDeviceAsync("pelapor", "Cisco Catalyst 1000-24T", serial, "Gedung B lantai 2", "Ruang rapat");

        await SignInAsync("pelapor");
        await Page.GotoAsync($"/perangkat/{id}/pindai");
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, $"/laporan/baru?perangkat={id}").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Laporan gangguan jaringan baru" })).ToBeVisibleAsync();

        // The device is named at the top of the form, in the first screen, and chosen in the picker.
        var scanned = Page.GetByTestId("scanned-device");
        await Expect(scanned).ToContainTextAsync(serial);
        await Expect(scanned).ToContainTextAsync("Gedung B lantai 2, Ruang rapat");
        await Expect(scanned).ToBeInViewportAsync();
        var picker = Page.GetByLabel("Perangkat yang bermasalah", new() { Exact = true });
        await Expect(picker).ToHaveValueAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(picker).ToBeVisibleAsync();
        var box = (await picker.BoundingBoxAsync())!;
        Assert.InRange(box.X + box.Width, 0, width);
        await Expect(Page.GetByLabel("Lokasi gangguan", new() { Exact = true })).ToHaveValueAsync("Gedung B lantai 2, Ruang rapat");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The new-report form scrolls sideways.");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);

        // A category no other test of this app files, so that no duplicate warning stands in the way.
        await Page.GetByLabel("Kategori gangguan", new() { Exact = true }).SelectOptionAsync("NetworkConfiguration");
        await Page.GetByLabel("Uraian gangguan", new() { Exact = true })
            .FillAsync($"Switch ruang rapat tidak meneruskan VLAN tamu (pindai {width}).");
        var submit = Page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" });
        if (width < 768) await submit.TapAsync();
        else await submit.ClickAsync();
        // Either the report page or, for the second run of the theory, the form again with the duplicate warning.
        await Page.Locator("[data-testid=duplicate-warning], [data-testid=report-device-register]").First.WaitForAsync();
        if (await Page.GetByTestId("duplicate-warning").CountAsync() > 0)
        {
            // The phone and laptop runs file for the same OPD and category: the second one confirms.
            await Page.GetByLabel("Tetap kirim — ini gangguan yang berbeda").CheckAsync();
            await submit.ClickAsync();
        }

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/laporan/\d+$"));
        var panel = Page.GetByTestId("report-device-register");
        var link = panel.GetByRole(AriaRole.Link, new() { Name = $"Switch Cisco Catalyst 1000-24T (SN {serial})" });
        await Expect(link).ToHaveAttributeAsync("href", $"/perangkat/{id}");
        await Expect(panel).ToContainTextAsync("Perangkat yang dilaporkan");
        await AssertNoSidewaysScrollAsync("The report page");

        await link.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, $"/perangkat/{id}").ToString());
        await Expect(Page.GetByTestId("device-reports")).ToContainTextAsync("Dilaporkan");
    }, variant: $"{width}");

    [Fact]
    public Task StaffScanningTheSameLabelLandOnTheDevicePage() => RunAsync(async () =>
    {
        var serial = $"SCAN-STAFF-{Guid.NewGuid():N}"[..24];
        var id = await RegisterDeviceAsync("pelapor", "TP-Link TL-SG1016D", serial, "Gedung Utama", "Lobi");

        await SignInAsync("teknisi");
        await Page.GotoAsync($"/perangkat/{id}/pindai");
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, $"/perangkat/{id}").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Switch TP-Link TL-SG1016D", Level = 1 })).ToBeVisibleAsync();
        var data = Page.GetByTestId("device-data");
        await Expect(data).ToContainTextAsync(serial);
        await Expect(data).ToContainTextAsync("Gedung Utama, Lobi");
        await Expect(Page.GetByTestId("device-history")).ToContainTextAsync("Didaftarkan");
        await AssertNoSidewaysScrollAsync("The device page on a phone");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
    });

    /// <summary>Registers a switch at the OPD of <paramref name="userName"/>, as the Kasi would; returns its id.</summary>
    private async Task<int> RegisterDeviceAsync(string userName, string brandType, string serial, string building, string room)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}.");
        var db = sp.GetRequiredService<AppDbContext>();
        var device = new Device(new DeviceDetails(user.OpdId, building, room, DeviceKind.Switch, brandType, serial,
            null, null, null, null, null, null), DeviceStatus.InService, "Kepala Seksi", sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        db.Devices.Add(device);
        await db.SaveChangesAsync();
        Assert.True(await db.Devices.AnyAsync(d => d.Id == device.Id));
        return device.Id;
    }
}
