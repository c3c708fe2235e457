using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Devices;

/// <summary>
/// A device's third fault within 90 days flags it with a proposal to replace it, and the Kasi's decision is recorded
/// (issue #19 point 4). The app runs on a fake clock; each report is filed through the reporter's form.
/// </summary>
public sealed class RepeatFaultTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private WebApplicationFactory<Program> App => _app ??= factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Sla:MonitorEnabled", "false");
        b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock));
    });

    private WebApplicationFactory<Program>? _app;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Files a report for the device as pelapor at the fake clock's now (a fresh sign-in: the clock moved).</summary>
    private async Task<int> ReportFaultAsync(int deviceId, string description)
    {
        using var pelapor = await WebSession.SignedInAsync(App, "pelapor");
        var page = $"/laporan/baru?perangkat={Id(deviceId)}";
        var html = await pelapor.GetPageAsync(page);
        Assert.Contains($"<option value=\"{Id(deviceId)}\" selected=\"selected\">", html, StringComparison.Ordinal);
        using var response = await pelapor.SubmitFormAsync(page, "/laporan/baru", new Form()
            .Set("FormToken", WebPageHelpers.InputValue(html, "FormToken"))
            .Set("ReporterName", "Rina Marlina").Set("ReporterPhone", "0812 6000 0100").Set("DeviceId", Id(deviceId))
            .Set("Location", "Ruang kepegawaian").Set("Category", nameof(FaultCategory.DeviceDamage))
            .Set("Description", description).Set("ConfirmDuplicate", "true"));
        var target = await HttpAssert.RedirectsToAsync(response, "/laporan/");
        return int.Parse(target["/laporan/".Length..], CultureInfo.InvariantCulture);
    }

    private Task<Device> DeviceAsync(int id) =>
        factory.QueryAsync(db => db.Devices.AsNoTracking().Include(d => d.Events).SingleAsync(d => d.Id == id));

    [Fact]
    public async Task TheThirdFaultWithinNinetyDaysFlagsTheDeviceAndTheKasisDecisionIsRecorded()
    {
        int deviceId;
        using (var admin = await WebSession.SignedInAsync(App, "admin"))
        {
            using var created = await admin.PostFormAsync("/perangkat/baru", new Form().Set("OpdId", Id(await factory.OpdIdAsync("BKD")))
                .Set("Kind", "AccessPoint").Set("BrandType", "Ubiquiti UniFi AC Lite").Set("SerialNumber", "REPEAT-AP-1").Set("Status", "InService"));
            var target = await HttpAssert.RedirectsToAsync(created, "/perangkat/");
            deviceId = int.Parse(target["/perangkat/".Length..], CultureInfo.InvariantCulture);
        }

        await ReportFaultAsync(deviceId, "Wi-Fi ruang kepegawaian mati (1)");
        _clock.Advance(TimeSpan.FromDays(40));
        await ReportFaultAsync(deviceId, "Wi-Fi ruang kepegawaian mati (2)");
        _clock.Advance(TimeSpan.FromDays(60));
        // Day 100: the first fault is 100 days old, outside the window: two faults within 90 days, no flag.
        await ReportFaultAsync(deviceId, "Wi-Fi ruang kepegawaian mati (3)");
        Assert.Null((await DeviceAsync(deviceId)).RepeatFaultFlaggedAtUtc);

        _clock.Advance(TimeSpan.FromDays(20));
        // Day 120: faults on days 40, 100 and 120 are within 90 days: the third one flags the device.
        var third = await ReportFaultAsync(deviceId, "Wi-Fi ruang kepegawaian mati (4)");
        var flagged = await DeviceAsync(deviceId);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, flagged.RepeatFaultFlaggedAtUtc!.Value, TimeSpan.FromSeconds(1));
        var flagEvent = Assert.Single(flagged.Events, e => e.Kind == DeviceEventKind.RepeatFaultFlagged);
        Assert.Equal(third, flagEvent.ReportId);
        Assert.Contains("Gangguan ke-3 dalam 90 hari", flagEvent.Description, StringComparison.Ordinal);
        Assert.Equal(4, flagged.Events.Count(e => e.Kind == DeviceEventKind.Reported));

        using var kasi = await WebSession.SignedInAsync(App, "kasi");
        Assert.Contains("Gangguan berulang", WebPageHelpers.Text(await kasi.GetPageAsync($"/laporan/{third}")), StringComparison.Ordinal);
        Assert.Contains("REPEAT-AP-1", WebPageHelpers.Text(await kasi.GetPageAsync("/")), StringComparison.Ordinal);
        using (var decided = await kasi.SubmitFormAsync($"/perangkat/{deviceId}", $"/perangkat/{deviceId}/keputusan",
                   new Form().Set("decision", nameof(RepeatFaultDecision.Replace)).Set("note", "Ganti dengan AP baru dari stok")))
        {
            await HttpAssert.RedirectsToAsync(decided, $"/perangkat/{deviceId}");
        }
        var decidedDevice = await DeviceAsync(deviceId);
        Assert.Equal((RepeatFaultDecision?)RepeatFaultDecision.Replace, decidedDevice.RepeatFaultDecision);
        Assert.False(decidedDevice.IsFlaggedForRepeatFaults);
        Assert.Contains(decidedDevice.Events, e => e.Kind == DeviceEventKind.RepeatFaultDecided
            && e.Description.Contains("Ganti perangkat", StringComparison.Ordinal));
    }
}
