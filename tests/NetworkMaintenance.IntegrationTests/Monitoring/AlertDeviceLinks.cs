using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using static NetworkMaintenance.IntegrationTests.Monitoring.AlertApi;

namespace NetworkMaintenance.IntegrationTests.Monitoring;

/// <summary>
/// Alerts that name a registered device (docs/monitoring.md, "The device"): the report they open is linked to it (the
/// report's device, the device's history, the report page's "Perangkat terdaftar") and takes its OPD when the alert names
/// none; the values are tried in the documented order (serial, ip, device, instance); a device of another OPD than the
/// one the alert names is not linked; an alert with neither an OPD nor a known device is refused and nothing is stored.
/// </summary>
public sealed class AlertDeviceLinks(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<int> RegisterAsync(WebSession admin, string opd, string serial, string ip)
    {
        using var response = await admin.PostFormAsync("/perangkat/baru", new Form()
            .Set("OpdId", (await factory.OpdIdAsync(opd)).ToString(CultureInfo.InvariantCulture))
            .Set("Kind", "Router").Set("BrandType", "MikroTik RB4011 (uji peringatan)").Set("SerialNumber", serial)
            .Set("IpAddress", ip).Set("Status", "InService"));
        var target = await HttpAssert.RedirectsToAsync(response, "/perangkat/");
        return int.Parse(target["/perangkat/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Posts one delivery; returns the report it opened (its OPD's short name and its device).</summary>
    private async Task<(int ReportId, string Opd, int? DeviceId)> OpenedAsync(HttpClient client, string token, string path, string body, string fingerprint)
    {
        using var response = await PostAsync(client, path, token, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Opened", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return await factory.QueryAsync(async db =>
        {
            var reportId = await db.MonitoringAlerts.Where(a => a.Fingerprint == fingerprint).Select(a => a.ReportId!.Value).SingleAsync();
            var report = await db.Reports.Include(r => r.Opd).SingleAsync(r => r.Id == reportId);
            return (report.Id, report.Opd!.ShortName!, report.DeviceId);
        });
    }

    [Fact]
    public async Task AnAlertNamingARegisteredDeviceLinksItsReportAndTakesItsOpdInTheDocumentedOrder()
    {
        using var driver = new WorkflowDriver(factory);
        var admin = await driver.As("admin");
        var dinkesRouter = await RegisterAsync(admin, "Dinkes", "AL-SN-DINKES", "10.20.0.1");
        var bkdRouter = await RegisterAsync(admin, "BKD", "AL-SN-BKD", "10.20.0.2");
        var (_, token) = await CreateSourceAsync(factory, "Alertmanager uji perangkat");
        using var client = factory.CreateClient();
        var startsAt = DateTime.UtcNow.AddMinutes(-10);

        // Alertmanager without an opd label; the target's instance (with its port) is the router's IP address.
        var byInstance = await OpenedAsync(client, token, "/api/alerts/alertmanager",
            Alertmanager("dev-instance", new Dictionary<string, string> { ["instance"] = "10.20.0.1:9100", ["severity"] = "critical" }, startsAt),
            "dev-instance");
        Assert.Equal(("Dinkes", (int?)dinkesRouter), (byInstance.Opd, byInstance.DeviceId));

        // The generic payload's device field, the serial number in another case.
        var byDevice = await OpenedAsync(client, token, "/api/alerts/generic",
            $$"""{"id": "dev-generic", "device": "al-sn-bkd", "summary": "Router BKD mati", "startsAt": "{{Time(startsAt)}}"}""", "dev-generic");
        Assert.Equal(("BKD", (int?)bkdRouter), (byDevice.Opd, byDevice.DeviceId));

        // The order: serial before instance.
        var bySerialFirst = await OpenedAsync(client, token, "/api/alerts/alertmanager",
            Alertmanager("dev-order", new Dictionary<string, string> { ["serial"] = "AL-SN-BKD", ["instance"] = "10.20.0.1:9100" }, startsAt),
            "dev-order");
        Assert.Equal(("BKD", (int?)bkdRouter), (bySerialFirst.Opd, bySerialFirst.DeviceId));

        // The alert names the BKD, the device is the Dinkes's: the named OPD's report, without the device.
        var otherOpd = await OpenedAsync(client, token, "/api/alerts/alertmanager",
            Alertmanager("dev-other-opd", new Dictionary<string, string> { ["opd"] = "BKD", ["ip"] = "10.20.0.1" }, startsAt), "dev-other-opd");
        Assert.Equal(("BKD", (int?)null), (otherOpd.Opd, otherOpd.DeviceId));

        // Linked as the web form links: the device's history names the report, and so do the report page and the device page.
        var history = await factory.QueryAsync(db => db.DeviceEvents.Where(e => e.DeviceId == dinkesRouter && e.Kind == DeviceEventKind.Reported)
            .Select(e => e.ReportId).ToListAsync());
        Assert.Equal([byInstance.ReportId], history);
        var number = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == byInstance.ReportId).Select(r => r.Number).SingleAsync());
        Assert.Contains($"/perangkat/{dinkesRouter}", await (await driver.As("kasi")).GetPageAsync($"/laporan/{byInstance.ReportId}"), StringComparison.Ordinal);
        Assert.Contains(number, await admin.GetPageAsync($"/perangkat/{dinkesRouter}"), StringComparison.Ordinal);

        // A repeat of the same alert updates that report: no second link.
        using (var again = await PostAsync(client, "/api/alerts/alertmanager", token,
            Alertmanager("dev-instance", new Dictionary<string, string> { ["instance"] = "10.20.0.1:9100", ["severity"] = "critical" }, startsAt)))
        {
            Assert.Contains("Updated", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(1, await factory.QueryAsync(db => db.Reports.CountAsync(r => r.DeviceId == dinkesRouter)));
    }

    [Fact]
    public async Task AnAlertWithNeitherAnOpdNorAKnownDeviceIsRefusedAndNothingStored()
    {
        var (_, token) = await CreateSourceAsync(factory, "Zabbix uji perangkat tak dikenal");
        using var client = factory.CreateClient();
        var before = await factory.QueryAsync(async db => (await db.Reports.CountAsync(), await db.MonitoringAlerts.CountAsync()));
        using var response = await PostAsync(client, "/api/alerts/alertmanager", token,
            Alertmanager("dev-unknown", new Dictionary<string, string> { ["instance"] = "10.99.99.99:9100" }, DateTime.UtcNow.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("sebutkan OPD", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(async db => (await db.Reports.CountAsync(), await db.MonitoringAlerts.CountAsync())));
    }
}
